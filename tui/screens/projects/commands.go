package projects

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
)

// usedMsg answers enter: the project is now current in the store.
type usedMsg struct {
	Stamp   common.Stamp
	Project app.Project
	Err     error
}

// projects lists the projects and the current one (after B17's
// stale-project check).
func (m *Model) projects() func(context.Context) (*app.ProjectList, error) {
	return m.ctx.App.Projects
}

func (m *Model) use(p app.Project) tea.Cmd {
	m.using = m.ctx.Stamp()
	a, s, orgID := m.ctx.App, m.using, m.ctx.OrgExternalID()
	return func() tea.Msg {
		return usedMsg{Stamp: s, Project: p, Err: a.UseProject(orgID, &p)}
	}
}
