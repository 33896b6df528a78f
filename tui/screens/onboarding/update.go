package onboarding

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
)

// Update handles a key or a result for this screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return m, m.handleKey(msg)
	case invitationsMsg:
		if !m.loading.Answers(msg.stamp) {
			return m, nil
		}
		m.loading = common.Stamp{}
		if msg.err != nil {
			m.list.SetError(msg.err.Error())
			return m, common.ReportStampedError(msg.stamp, msg.err)
		}
		m.list.SetItems(msg.items)
		m.list.Done()
	case declinedMsg:
		if !m.acting.Answers(msg.stamp) {
			return m, nil
		}
		m.acting, m.working = common.Stamp{}, ""
		if msg.err != nil {
			return m, common.ReportError(msg.err)
		}
		return m, tea.Batch(common.Success("Invitation declined."), m.load())
	case common.SwitchFinishedMsg:
		return m, m.switchFinished(msg)
	}
	var cmd tea.Cmd
	m.list, cmd, _ = m.list.Update(msg)
	if m.form != nil {
		cmd = tea.Batch(cmd, m.form.tick(msg))
	}
	return m, cmd
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	if m.form != nil {
		return m.formKey(msg)
	}
	m.updateKeys()
	inv, selected := m.list.Selected()
	switch {
	case key.Matches(msg, m.keys.Accept) && selected:
		return m.accept(inv)
	case key.Matches(msg, m.keys.Decline) && selected:
		return m.decline(inv)
	case key.Matches(msg, m.keys.Create):
		f, cmd := newCreateForm(m.ctx.Theme)
		m.form = f
		return cmd
	}
	var cmd tea.Cmd
	var act components.Action
	m.list, cmd, act = m.list.Update(msg)
	switch act {
	case components.ActionRetry:
		return m.load()
	case components.ActionSelect:
		return m.accept(inv)
	}
	return cmd
}

func (m *Model) formKey(msg tea.KeyMsg) tea.Cmd {
	cmd, res := m.form.update(msg)
	switch res {
	case formCancel:
		m.form = nil
		return nil
	case formSubmit:
		return m.create(m.form.value())
	}
	return cmd
}

// switchFinished ends an accept or a create: the root has switched (and
// leaves onboarding), or says why not; a refused name shows under the input.
func (m *Model) switchFinished(msg common.SwitchFinishedMsg) tea.Cmd {
	if m.form != nil && m.form.stamp.Answers(msg.Stamp) {
		m.form.busy = false
		if msg.Err == nil {
			m.form = nil
			return nil
		}
		m.form.failed(msg.Err)
		return nil
	}
	if m.acting.Answers(msg.Stamp) {
		m.acting, m.working = common.Stamp{}, ""
		if msg.Err != nil {
			return m.load()
		}
	}
	return nil
}
