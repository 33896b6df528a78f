package orgs

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
)

// formKey feeds a key to the create form and submits it.
func (m *Model) formKey(msg tea.KeyMsg) tea.Cmd {
	cmd, res := m.form.update(msg)
	switch res {
	case formCancel:
		m.form = nil
		return m.list.FocusFilter()
	case formSubmit:
		m.form.busy = true
		m.form.stamp = m.ctx.Stamp()
		return createAndSwitch(m.ctx.App, m.form.stamp, m.form.input.Value())
	}
	return cmd
}

// createAndSwitch asks the root to create the organization and switch into
// it (B20) through its one switch path.
func createAndSwitch(a *app.App, s common.Stamp, name string) tea.Cmd {
	return func() tea.Msg {
		return common.SwitchViaMsg{Label: "creating " + name, Stamp: s,
			Run: func(ctx context.Context, progress func(app.SwitchProgress)) (*app.SwitchResult, error) {
				_, res, err := a.CreateOrganization(ctx, name, progress)
				return res, err
			}}
	}
}

// switchFinished closes the form once the new organization is current, or
// shows why not: field errors next to the name (the root funnels the rest).
func (m *Model) switchFinished(msg common.SwitchFinishedMsg) tea.Cmd {
	if m.form == nil || !m.form.stamp.Answers(msg.Stamp) {
		return nil
	}
	if msg.Err != nil {
		if m.form.failed(msg.Err) != nil {
			m.form.busy = false // the root reports it on the status line
		}
		return nil
	}
	m.form = nil
	return common.Back()
}
