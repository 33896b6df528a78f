package projects

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
)

// Update routes a message: results by stamp, the rest to the list.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		return m, m.loaded(msg)
	case usedMsg:
		return m, m.used(msg)
	case common.OrgSwitchedMsg:
		m.current = ""
		m.list.SetItems(nil)
		return m, m.reload(false)
	}
	var cmd tea.Cmd
	var act components.Action
	m.list, cmd, act = m.list.Update(msg)
	switch act {
	case components.ActionSelect:
		return m, tea.Batch(cmd, m.useSelected())
	case components.ActionRetry:
		return m, tea.Batch(cmd, m.reload(true))
	}
	return m, cmd
}

func (m *Model) loaded(msg loadedMsg) tea.Cmd {
	if !m.load.Answers(msg.Stamp) {
		return nil // an older load, or one of the organization we left
	}
	if msg.Err != nil {
		if common.FunnelOwns(msg.Err) {
			m.list.Done()
			return common.ReportStampedError(msg.Stamp, msg.Err)
		}
		m.list.SetError(common.Describe(msg.Err))
		return nil
	}
	m.list.SetItems(msg.Projects)
	m.list.Done()
	if msg.Current == nil {
		return nil
	}
	stale := m.current != msg.Current.ID
	m.current = msg.Current.ID
	m.list.SelectKey(m.current)
	if stale { // the stored project was gone: the default replaced it
		return common.ProjectChosen(*msg.Current)
	}
	return nil
}

func (m *Model) useSelected() tea.Cmd {
	p, ok := m.list.Selected()
	if !ok || p.ID == m.current {
		return nil
	}
	m.use = m.ctx.Stamp()
	return useProject(m.ctx.App, m.use, m.ctx.OrgExternalID(), p)
}

func (m *Model) used(msg usedMsg) tea.Cmd {
	if !m.use.Answers(msg.Stamp) {
		return nil
	}
	if msg.Err != nil {
		return common.ReportStampedError(msg.Stamp, msg.Err)
	}
	m.current = msg.Project.ID
	return tea.Batch(common.ProjectChosen(msg.Project), common.Success(msg.Project.Name+" is now the current project"))
}
