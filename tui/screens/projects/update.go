package projects

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
)

// Update routes a message: the load's answer, enter's, the rest to the list.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if cmd, ok := m.list.Answer(msg); ok {
		return m, cmd
	}
	switch msg := msg.(type) {
	case usedMsg:
		return m, m.used(msg)
	case common.OrgSwitchedMsg:
		m.current = ""
		m.list.Clear()
		return m, m.list.Reload(false)
	}
	cmd, act := m.list.Update(msg)
	if act == components.ActionSelect {
		return m, tea.Batch(cmd, m.useSelected())
	}
	return m, cmd
}

// loaded marks the current project; one the stored project was replaced by
// (gone, or another organization's) is told to the root.
func (m *Model) loaded(l *app.ProjectList) tea.Cmd {
	if l.Current == nil {
		return nil
	}
	stale := m.current != l.Current.ID
	m.current = l.Current.ID
	m.list.SelectKey(m.current)
	if stale {
		return common.ProjectChosen(*l.Current)
	}
	return nil
}

func (m *Model) useSelected() tea.Cmd {
	p, ok := m.list.Selected()
	if !ok || p.ID == m.current {
		return nil
	}
	return m.use(p)
}

func (m *Model) used(msg usedMsg) tea.Cmd {
	if !m.using.Answers(msg.Stamp) {
		return nil
	}
	if msg.Err != nil {
		return common.ReportStampedError(msg.Stamp, msg.Err)
	}
	m.current = msg.Project.ID
	return tea.Batch(common.ProjectChosen(msg.Project), common.Success(msg.Project.Name+" is now the current project"))
}
