package services

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
	"github.com/panel-dev/panel/tui/screens/logs"
)

// Update routes a message: the loads' answers, enter, the rest to the list.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if cmd, ok := m.list.Answer(msg); ok {
		return m, tea.Batch(cmd, m.followSelection())
	}
	switch msg := msg.(type) {
	case instancesMsg:
		m.instancesLoaded(msg)
		return m, nil
	case common.OrgSwitchedMsg:
		return m, m.reload()
	case common.IdentityMsg:
		if m.project != nil && m.project.Project != nil && msg.Project != nil && msg.Project.ID != m.project.Project.ID {
			return m, m.reload() // another project became current
		}
		return m, nil
	}
	cmd, act := m.list.Update(msg)
	if act == components.ActionSelect {
		if s, ok := m.list.Selected(); ok {
			return m, tea.Batch(cmd, common.Open(logs.Route.With(s.ID)))
		}
	}
	return m, tea.Batch(cmd, m.followSelection())
}

// reload lists again, showing none of the old organization's or project's meanwhile.
func (m *Model) reload() tea.Cmd {
	m.project, m.shownFor, m.instances, m.instErr = nil, "", nil, ""
	m.list.Clear()
	return m.list.Reload(false)
}

// loaded keeps the apps (for the app/service labels).
func (m *Model) loaded(p *app.ProjectServices) tea.Cmd {
	m.project = p
	m.list.SetItems(p.Services) // again: the labels now name the apps
	return nil
}

// followSelection asks for the instances of the service under the cursor
// when it changed.
func (m *Model) followSelection() tea.Cmd {
	s, ok := m.list.Selected()
	if !ok {
		m.shownFor, m.instances, m.instErr = "", nil, ""
		return nil
	}
	if s.ID == m.shownFor {
		return nil
	}
	m.shownFor, m.instances, m.instErr = s.ID, nil, ""
	return m.askInstances(s.ID)
}

func (m *Model) instancesLoaded(msg instancesMsg) {
	if !m.loadInst.Answers(msg.Stamp) || msg.ServiceID != m.shownFor {
		return // the cursor moved on
	}
	if msg.Err != nil {
		m.instErr = common.Describe(msg.Err)
		return
	}
	m.instances = msg.Instances
}
