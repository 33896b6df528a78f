package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
)

// membershipLost applies a lost membership (the app told it from a revoked session): the user stays
// signed in, moved to the organization the app switched to, or to onboarding when there is none; the
// status line says what happened.
func (m *Model) membershipLost(e *app.MembershipLostError) tea.Cmd {
	status := m.setStatus(membershipLostText(e), common.LevelWarning, -1)
	gen := m.ctx.NextGeneration()
	if e.SwitchedTo == nil {
		m.ctx.Org, m.ctx.Project = nil, nil
		m.ctx.SessionInfo.OrganizationID = ""
		m.refreshHeader()
		return tea.Batch(status, m.armTimers(), m.reset(m.newScreen(common.RouteOnboarding)))
	}
	org := e.SwitchedTo.Organization
	m.ctx.Org, m.ctx.Project = &org, nil
	m.ctx.SessionInfo.OrganizationID = org.ExternalID
	m.header.Stale = false
	m.refreshHeader()
	return tea.Batch(status, m.broadcast(common.OrgSwitchedMsg{Org: org, Gen: gen}),
		m.setIdentity(nil, &org, e.SwitchedTo.Project), m.armTimers(), m.ensureOrgScreen())
}

func membershipLostText(e *app.MembershipLostError) string {
	lost := orgLabel(e.Organization)
	if e.SwitchedTo != nil {
		return fmt.Sprintf("You are no longer a member of %s; you are still signed in, now in %s.", lost,
			orgLabel(e.SwitchedTo.Organization))
	}
	return fmt.Sprintf("You are no longer a member of %s; you are still signed in.", lost)
}
