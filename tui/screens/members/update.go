package members

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
	"github.com/panel-dev/panel/tui/screens/internal/listscreen"
)

// Update routes a message: the load's answer, an action's, keys to a modal,
// then the screen's keys, then the list.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if cmd, ok := m.list.Answer(msg); ok {
		return m, cmd
	}
	switch msg := msg.(type) {
	case listscreen.Acted:
		return m, msg.Outcome(m.busy, m.list.Reload(false))
	case leftMsg:
		return m, m.left(msg)
	case common.OrgSwitchedMsg:
		m.ask = nil
		m.list.Clear() // never show the old organization's members under the new one
		return m, m.list.Reload(false)
	case tea.KeyMsg:
		return m, m.key(msg)
	}
	if m.ask != nil {
		cmd, _ := m.ask.Update(msg) // the typed confirmation's cursor
		return m, cmd
	}
	cmd, _ := m.list.Update(msg)
	return m, cmd
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	switch {
	case m.ask != nil:
		cmd, closed := m.ask.Update(msg)
		if closed {
			m.ask = nil
		}
		return cmd
	case !m.list.FilterFocused() && key.Matches(msg, m.keys.Remove):
		return m.askRemove()
	case !m.list.FilterFocused() && key.Matches(msg, m.keys.Leave):
		return m.askLeave()
	}
	cmd, _ := m.list.Update(msg)
	return cmd
}

func (m *Model) askRemove() tea.Cmd {
	mb, ok := m.list.Selected()
	if !ok {
		return nil
	}
	if m.isMe(mb) {
		return common.Status("That is you: press L to leave the organization.")
	}
	m.ask = components.AskYesNo(m.ctx.Theme, fmt.Sprintf("Remove %s from %s?", memberName(mb), m.orgName()),
		func() tea.Cmd { return m.remove(mb) })
	return nil
}

func (m *Model) askLeave() tea.Cmd {
	name := m.orgName()
	var cmd tea.Cmd
	m.ask, cmd = components.AskTyped(m.ctx.Theme, fmt.Sprintf("Leave %s? You lose access to it and its session ends.", name),
		name, m.leaveOrganization)
	return cmd
}

// left lands where app.LeaveOrganization went: another organization (the
// root's switch path takes over) or signed out.
func (m *Model) left(msg leftMsg) tea.Cmd {
	if !m.busy.Answers(msg.Stamp) {
		return nil
	}
	switch {
	case msg.Err != nil:
		return common.ReportStampedError(msg.Stamp, msg.Err)
	case msg.Result.SignedOut:
		return common.SignedOut("You left " + msg.Result.Left.Name + ", your last organization.")
	case msg.Result.SwitchedTo != nil:
		return tea.Batch(common.Success("You left "+msg.Result.Left.Name),
			alreadySwitched(msg.Stamp, msg.Result.SwitchedTo))
	}
	return nil
}
