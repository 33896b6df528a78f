package invitations

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
	"github.com/panel-dev/panel/tui/screens/internal/listscreen"
)

// Update routes a message: the loads' answers, the actions', keys by
// precedence.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	for _, f := range []*feed{m.sent, m.received} {
		if cmd, ok := f.Answer(msg); ok {
			return m, cmd
		}
	}
	switch msg := msg.(type) {
	case sentMsg:
		return m, m.addressAnswered(msg)
	case listscreen.Acted:
		return m, msg.Outcome(m.action, m.reload())
	case common.SwitchFinishedMsg:
		return m, m.switchFinished(msg)
	case common.OrgSwitchedMsg:
		m.emails, m.ask = nil, nil
		m.sent.Clear() // the old organization's invitations never show under the new one
		return m, m.reload()
	case spinner.TickMsg:
		c1, _ := m.sent.Update(msg)
		c2, _ := m.received.Update(msg)
		return m, tea.Batch(c1, c2)
	case tea.KeyMsg:
		return m, m.key(msg)
	}
	if m.emails != nil {
		var cmd tea.Cmd
		*m.emails, cmd, _ = m.emails.Update(msg)
		return m, cmd
	}
	cmd, _ := m.list().Update(msg)
	return m, cmd
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	switch {
	case m.emails != nil:
		return m.emailsKey(msg)
	case m.ask != nil:
		cmd, closed := m.ask.Update(msg)
		if closed {
			m.ask = nil
		}
		return cmd
	case m.list().FilterFocused():
		cmd, _ := m.list().Update(msg)
		return cmd
	}
	k := m.enabled()
	inv, _ := m.list().Selected()
	switch {
	case key.Matches(msg, k.Tab):
		m.tab = 1 - m.tab
		return nil
	case key.Matches(msg, k.Status):
		m.filter = (m.filter + 1) % len(statusFilters)
		m.sent.Clear()
		return m.sent.Reload(false)
	case key.Matches(msg, k.New):
		return m.openEmails()
	case key.Matches(msg, k.Resend):
		return m.act("Resent the invitation to "+inv.Email, resend, inv)
	case key.Matches(msg, k.Revoke):
		m.ask = components.AskYesNo(m.ctx.Theme, "Revoke the invitation to "+inv.Email+"?",
			func() tea.Cmd { return m.act("Revoked the invitation to "+inv.Email, revoke, inv) })
		return nil
	case key.Matches(msg, k.Decline):
		return m.act("Declined the invitation to "+orgName(inv), decline, inv)
	case key.Matches(msg, k.Accept):
		return m.acceptAndSwitch(inv)
	}
	cmd, _ := m.list().Update(msg)
	return cmd
}

// switchFinished ends an accept (B19): the root switched into the
// organization, or says why not; a 400 (no longer pending) is ours to show.
func (m *Model) switchFinished(msg common.SwitchFinishedMsg) tea.Cmd {
	if !m.action.Answers(msg.Stamp) {
		return nil
	}
	switch {
	case msg.Err != nil && common.Refused(msg.Err):
		return tea.Batch(common.Warn(common.Describe(msg.Err)), m.received.Reload(false))
	case msg.Err != nil:
		return m.received.Reload(false) // the root reported it
	}
	return common.Joined(msg.Result.Organization.Name, m.joinedFrom)
}
