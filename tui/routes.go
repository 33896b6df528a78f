package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/screens/account"
	helpscreen "github.com/panel-dev/panel/tui/screens/help"
	"github.com/panel-dev/panel/tui/screens/home"
	"github.com/panel-dev/panel/tui/screens/invitation"
	"github.com/panel-dev/panel/tui/screens/onboarding"
	"github.com/panel-dev/panel/tui/screens/signin"
)

// knownRoute reports whether r names a screen the root can open (B4: an
// unknown `next` lands on home).
func knownRoute(r common.Route) bool {
	switch r.Name() {
	case common.RouteHome, common.RouteOnboarding, common.RouteOrgs, common.RouteProjects,
		common.RouteInvitations, common.RouteMembers, common.RouteLogs, common.RouteAccount:
		return true
	case common.RouteInvitation:
		return r.Arg() != ""
	}
	return false
}

// needsOrganization: screens about the current organization; without one
// (B23) the user is sent to onboarding instead.
func needsOrganization(r common.Route) bool {
	switch r.Name() {
	case common.RouteProjects, common.RouteMembers, common.RouteLogs, common.RouteHome:
		return true
	}
	return false
}

// newScreen builds the screen of a known route.
func (m *Model) newScreen(r common.Route) common.Screen {
	switch r.Name() {
	case common.RouteOnboarding:
		return onboarding.New(m.ctx)
	case common.RouteAccount:
		return account.New(m.ctx)
	case common.RouteHelp:
		return helpscreen.New(m.ctx, m.top())
	case common.RouteInvitation:
		return invitation.New(m.ctx, r.Arg())
	}
	if s := m.listScreen(r); s != nil {
		return s
	}
	return home.New(m.ctx)
}

func (m *Model) signInScreen(next common.Route, reason, orgID string) common.Screen {
	return signin.New(m.ctx, signin.Options{Next: next, Reason: reason, OrganizationID: orgID,
		Email: m.deps.SignInEmail, Browser: m.deps.Browser, Clipboard: m.deps.Clipboard})
}

// open shows route r: over the current stack, or over home alone (reset).
// Before the gate has passed, an authenticated route waits for it.
func (m *Model) open(r common.Route, reset bool) tea.Cmd {
	if r.Name() == common.RouteHelp {
		return m.push(m.newScreen(r))
	}
	if r.Name() == common.RouteSignIn {
		return m.toSignIn("", "", "")
	}
	if r.Name() == common.RouteInvitation && m.auth != authSignedIn {
		return m.openInvitationOutsideGate(r)
	}
	switch m.auth {
	case authUnknown, authGating:
		m.pending = r
		return m.setStatus("Checking your session…", common.LevelInfo, -1)
	case authSignedOut:
		return nil
	}
	if m.ctx.Org == nil && needsOrganization(r) {
		r = common.RouteOnboarding
	}
	if top := m.top(); top != nil && top.Route() == r {
		return nil
	}
	s := m.newScreen(r)
	if !reset {
		return m.push(s)
	}
	base := common.RouteHome
	if m.ctx.Org == nil {
		base = common.RouteOnboarding
	}
	if r.Name() == base {
		return m.reset(s)
	}
	cmd := m.reset(m.newScreen(base))
	return tea.Batch(cmd, m.push(s))
}
