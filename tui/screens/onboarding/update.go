package onboarding

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
	"github.com/panel-dev/panel/tui/screens/internal/listscreen"
	"github.com/panel-dev/panel/tui/screens/internal/orgform"
)

// Update handles a key or a result for this screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if cmd, ok := m.list.Answer(msg); ok {
		return m, cmd
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return m, m.handleKey(msg)
	case listscreen.Acted:
		want := m.acting
		if want.Answers(msg.Stamp) {
			m.acting, m.working = common.Stamp{}, ""
		}
		return m, msg.Outcome(want, m.list.Reload(false))
	case common.SwitchFinishedMsg:
		return m, m.switchFinished(msg)
	}
	cmd, _ := m.list.Update(msg)
	if m.form != nil {
		c, _ := m.form.Update(msg)
		cmd = tea.Batch(cmd, c)
	}
	return m, cmd
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	if m.form != nil {
		cmd, res := m.form.Update(msg)
		if res == orgform.Canceled {
			m.form = nil
		}
		return cmd
	}
	m.updateKeys()
	inv, selected := m.list.Selected()
	switch {
	case key.Matches(msg, m.keys.Accept) && selected:
		return m.accept(inv)
	case key.Matches(msg, m.keys.Decline) && selected:
		return m.decline(inv)
	case key.Matches(msg, m.keys.Create):
		var cmd tea.Cmd
		m.form, cmd = orgform.New(m.ctx, "Create an organization", "create and switch")
		return cmd
	}
	cmd, act := m.list.Update(msg)
	if act == components.ActionSelect {
		return m.accept(inv)
	}
	return cmd
}

// switchFinished ends an accept or a create: the root has switched (and
// leaves onboarding), or says why not; a refused name shows under the input.
func (m *Model) switchFinished(msg common.SwitchFinishedMsg) tea.Cmd {
	if m.form != nil {
		if ours, created := m.form.Finished(msg); ours {
			if created {
				m.form = nil
			}
			return nil
		}
	}
	if m.acting.Answers(msg.Stamp) {
		m.acting, m.working = common.Stamp{}, ""
		if msg.Err != nil {
			return m.list.Reload(false)
		}
	}
	return nil
}
