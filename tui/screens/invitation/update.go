package invitation

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
)

// Update handles a key or a result for this screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return m, m.handleKey(msg)
	case common.IdentityMsg, common.OrgSwitchedMsg:
		// The gate passed (this screen was built before it), or a switch
		// ended a load of the old generation: load once.
		if m.ctx.GatePassed && m.inv == nil && m.loadErr == nil && (m.loading.IsZero() || !m.ctx.IsCurrent(m.loading)) {
			return m, m.load(false)
		}
	case loadedMsg:
		return m, m.loaded(msg)
	case declinedMsg:
		return m, m.declined(msg)
	case common.SwitchFinishedMsg:
		return m, m.switchFinished(msg)
	}
	return m, nil
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	m.updateKeys()
	k := m.keys
	switch {
	case key.Matches(msg, k.SignIn):
		return common.SignInWith(m.Route(), "", common.SignInBrowser)
	case key.Matches(msg, k.SignUp):
		return common.SignInWith(m.Route(), "", common.SignInSignUp)
	case key.Matches(msg, k.Accept):
		return m.accept()
	case key.Matches(msg, k.Decline):
		return m.decline()
	case key.Matches(msg, k.Retry):
		m.loadErr = nil
		return m.load(true)
	}
	return nil
}

// loaded shows the invitation, or why it could not be loaded; what the
// funnel owns (sign-in needed, revoked) goes there.
func (m *Model) loaded(msg loadedMsg) tea.Cmd {
	if !m.loading.Answers(msg.stamp) {
		return nil
	}
	m.loading = common.Stamp{}
	if msg.err != nil {
		if common.FunnelOwns(msg.err) {
			return common.ReportStampedError(msg.stamp, msg.err)
		}
		m.loadErr = msg.err
		return nil
	}
	m.inv, m.loadErr = msg.inv, nil
	return nil
}

func (m *Model) declined(msg declinedMsg) tea.Cmd {
	if !m.acting.Answers(msg.stamp) {
		return nil
	}
	m.acting, m.working = common.Stamp{}, ""
	switch {
	case msg.err == nil:
		name := orgName(*m.inv)
		if msg.inv != nil {
			m.inv = msg.inv
		} else {
			m.inv.Status = app.InvitationRefused
		}
		return common.Success("Declined the invitation to " + name + ".")
	case common.FunnelOwns(msg.err):
		return common.ReportStampedError(msg.stamp, msg.err)
	}
	// Refused (no longer pending, gone): say so here and show its state now.
	m.problem = common.Describe(msg.err)
	return m.load(true)
}

// switchFinished ends an accept: the root switched into the organization
// (then home shows it), or it says why not and the invitation is reloaded
// to show where it stands. A 400 (no longer pending) is shown here.
func (m *Model) switchFinished(msg common.SwitchFinishedMsg) tea.Cmd {
	if !m.acting.Answers(msg.Stamp) {
		return nil
	}
	m.acting, m.working = common.Stamp{}, ""
	if msg.Err != nil {
		if common.Refused(msg.Err) || common.NotFound(msg.Err) {
			m.problem = common.Describe(msg.Err)
		}
		return m.load(true)
	}
	name := orgName(*m.inv)
	if msg.Result != nil && msg.Result.Organization.Name != "" {
		name = msg.Result.Organization.Name
	}
	return tea.Batch(common.Joined(name, m.joinedFrom), common.OpenFresh(common.RouteHome))
}
