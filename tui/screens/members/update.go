package members

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
)

// Update routes a message: results by stamp, keys to a modal, then the
// screen's keys, then the list.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		return m, m.loaded(msg)
	case removedMsg:
		return m, m.removed(msg)
	case leftMsg:
		return m, m.left(msg)
	case common.OrgSwitchedMsg:
		m.confirm, m.leave = nil, nil
		m.list.SetItems(nil) // never show the old organization's members under the new one
		return m, m.reload(false)
	case tea.KeyMsg:
		return m, m.key(msg)
	}
	if m.leave != nil {
		var cmd tea.Cmd
		*m.leave, cmd, _ = m.leave.Update(msg)
		return m, cmd
	}
	var cmd tea.Cmd
	m.list, cmd, _ = m.list.Update(msg)
	return m, cmd
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	switch {
	case m.confirm != nil:
		return m.confirmKey(msg)
	case m.leave != nil:
		return m.leaveKey(msg)
	case !m.list.FilterFocused() && key.Matches(msg, m.keys.Remove):
		return m.askRemove()
	case !m.list.FilterFocused() && key.Matches(msg, m.keys.Leave):
		return m.askLeave()
	}
	var cmd tea.Cmd
	var act components.Action
	m.list, cmd, act = m.list.Update(msg)
	if act == components.ActionRetry {
		return tea.Batch(cmd, m.reload(true))
	}
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
	c := components.NewConfirm(m.ctx.Theme, fmt.Sprintf("Remove %s from %s?", memberName(mb), m.orgName()))
	m.confirm, m.removing = &c, mb
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
		m.busy = m.ctx.Stamp()
		return removeMember(m.ctx.Ctx, m.ctx.API, m.busy, m.removing)
	}
	return nil
}

func (m *Model) askLeave() tea.Cmd {
	name := m.orgName()
	tc, cmd := components.NewTypeConfirm(m.ctx.Theme,
		fmt.Sprintf("Leave %s? You lose access to it and its session ends.", name), name)
	m.leave = &tc
	return cmd
}

func (m *Model) leaveKey(msg tea.KeyMsg) tea.Cmd {
	tc, cmd, res := m.leave.Update(msg)
	m.leave = &tc
	switch res {
	case components.ModalCanceled:
		m.leave = nil
	case components.ModalConfirmed:
		m.leave = nil
		m.busy = m.ctx.Stamp()
		return tea.Batch(common.Status("Leaving "+m.orgName()+"…"), leaveOrganization(m.ctx.Ctx, m.ctx.App, m.busy))
	}
	return cmd
}

func (m *Model) orgName() string {
	if m.ctx.Org != nil && m.ctx.Org.Name != "" {
		return m.ctx.Org.Name
	}
	return m.ctx.OrgExternalID()
}

func (m *Model) loaded(msg loadedMsg) tea.Cmd {
	if !m.load.Answers(msg.Stamp) {
		return nil // an older load, or the members of the organization we left
	}
	if msg.Err != nil {
		if common.FunnelOwns(msg.Err) {
			m.list.Done()
			return common.ReportStampedError(msg.Stamp, msg.Err)
		}
		m.list.SetError(common.Describe(msg.Err))
		return nil
	}
	m.list.SetItems(msg.Members)
	m.list.Done()
	return nil
}

func (m *Model) removed(msg removedMsg) tea.Cmd {
	if !m.busy.Answers(msg.Stamp) {
		return nil
	}
	if msg.Err != nil {
		return common.ReportStampedError(msg.Stamp, msg.Err)
	}
	return tea.Batch(common.Success("Removed "+memberName(msg.Member)), m.reload(false))
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
