package invitations

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
)

// Update routes a message: results by stamp, keys by precedence.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		return m, loadedInto(&m.sent, m.sentLoad, msg)
	case receivedMsg:
		return m, loadedInto(&m.received, m.recvLoad, loadedMsg(msg))
	case sentMsg:
		return m, m.addressAnswered(msg)
	case doneMsg:
		return m, m.actionDone(msg)
	case common.SwitchFinishedMsg:
		return m, m.switchFinished(msg)
	case common.OrgSwitchedMsg:
		m.emails, m.confirm = nil, nil
		m.sent.SetItems(nil) // the old organization's invitations never show under the new one
		return m, tea.Batch(m.reloadSent(false), m.reloadReceived(false))
	case spinner.TickMsg:
		var c1, c2 tea.Cmd
		m.sent, c1, _ = m.sent.Update(msg)
		m.received, c2, _ = m.received.Update(msg)
		return m, tea.Batch(c1, c2)
	case tea.KeyMsg:
		return m, m.key(msg)
	}
	if m.emails != nil {
		var cmd tea.Cmd
		*m.emails, cmd, _ = m.emails.Update(msg)
		return m, cmd
	}
	l := m.list()
	var cmd tea.Cmd
	*l, cmd, _ = l.Update(msg)
	return m, cmd
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	switch {
	case m.emails != nil:
		return m.emailsKey(msg)
	case m.confirm != nil:
		return m.confirmKey(msg)
	case m.list().FilterFocused():
		return m.listKey(msg)
	}
	k := m.enabled()
	switch {
	case key.Matches(msg, k.Tab):
		m.tab = 1 - m.tab
		return nil
	case key.Matches(msg, k.Status):
		m.filter = (m.filter + 1) % len(statusFilters)
		m.sent.SetItems(nil)
		return m.reloadSent(false)
	case key.Matches(msg, k.New):
		return m.openEmails()
	case key.Matches(msg, k.Resend):
		return m.act(resend)
	case key.Matches(msg, k.Revoke):
		return m.askRevoke()
	case key.Matches(msg, k.Decline):
		return m.act(decline)
	case key.Matches(msg, k.Accept):
		inv, _ := m.received.Selected()
		m.action = m.ctx.Stamp()
		return acceptAndSwitch(m.ctx.App, m.action, inv)
	}
	return m.listKey(msg)
}

func (m *Model) listKey(msg tea.KeyMsg) tea.Cmd {
	l := m.list()
	var cmd tea.Cmd
	var act components.Action
	*l, cmd, act = l.Update(msg)
	if act == components.ActionRetry {
		if m.tab == Received {
			return tea.Batch(cmd, m.reloadReceived(true))
		}
		return tea.Batch(cmd, m.reloadSent(true))
	}
	return cmd
}

// act runs an action on the selected invitation of the tab shown.
func (m *Model) act(run func(ctx contextT, c *api.Client, s common.Stamp, inv api.OrganizationInvitation) tea.Cmd) tea.Cmd {
	inv, ok := m.list().Selected()
	if !ok {
		return nil
	}
	m.action = m.ctx.Stamp()
	return run(m.ctx.Ctx, m.ctx.API, m.action, inv)
}

func (m *Model) askRevoke() tea.Cmd {
	inv, ok := m.sent.Selected()
	if !ok {
		return nil
	}
	c := components.NewConfirm(m.ctx.Theme, "Revoke the invitation to "+inv.Email+"?")
	m.confirm, m.revoking = &c, inv
	return nil
}

func (m *Model) confirmKey(msg tea.KeyMsg) tea.Cmd {
	c, res := m.confirm.Update(msg)
	m.confirm = &c
	switch res {
	case components.ModalCanceled:
		m.confirm = nil
	case components.ModalConfirmed:
		m.confirm = nil
		m.action = m.ctx.Stamp()
		return revoke(m.ctx.Ctx, m.ctx.API, m.action, m.revoking)
	}
	return nil
}

// loadedInto shows a load's answer in l if it is the one l waits for.
func loadedInto(l *components.List[api.OrganizationInvitation], want common.Stamp, msg loadedMsg) tea.Cmd {
	if !want.Answers(msg.Stamp) {
		return nil // an older load, or the old organization's
	}
	if msg.Err != nil {
		if common.FunnelOwns(msg.Err) {
			l.Done()
			return common.ReportStampedError(msg.Stamp, msg.Err)
		}
		l.SetError(common.Describe(msg.Err))
		return nil
	}
	l.SetItems(msg.Invitations)
	l.Done()
	return nil
}

func (m *Model) actionDone(msg doneMsg) tea.Cmd {
	if !m.action.Answers(msg.Stamp) {
		return nil
	}
	if msg.Err != nil {
		return common.ReportStampedError(msg.Stamp, msg.Err)
	}
	return tea.Batch(common.Success(msg.What), m.reloadSent(false), m.reloadReceived(false))
}

// switchFinished ends an accept (B19): the root switched into the
// organization, or says why not; a 400 (no longer pending) is ours to show.
func (m *Model) switchFinished(msg common.SwitchFinishedMsg) tea.Cmd {
	if !m.action.Answers(msg.Stamp) {
		return nil
	}
	switch {
	case msg.Err != nil && api.IsValidation(msg.Err):
		return tea.Batch(common.Warn(common.Describe(msg.Err)), m.reloadReceived(false))
	case msg.Err != nil:
		return m.reloadReceived(false) // the root reported it
	}
	return common.Success("Joined " + msg.Result.Organization.Name)
}
