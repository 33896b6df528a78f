package projects

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
)

// loadedMsg carries the projects and the current one (after B17's
// stale-project check).
type loadedMsg struct {
	Stamp    common.Stamp
	Projects []api.Project
	Current  *api.Project
	Err      error
}

// usedMsg answers enter: the project is now current in the store.
type usedMsg struct {
	Stamp   common.Stamp
	Project api.Project
	Err     error
}

func loadProjects(ctx context.Context, a *app.App, s common.Stamp) tea.Cmd {
	return func() tea.Msg {
		current, err := a.CurrentProject(ctx)
		if err != nil {
			return loadedMsg{Stamp: s, Err: err}
		}
		all, err := a.API.AllProjects(ctx, api.ListProjectsParams{})
		return loadedMsg{Stamp: s, Projects: all, Current: current, Err: err}
	}
}

func useProject(a *app.App, s common.Stamp, orgExternalID string, p api.Project) tea.Cmd {
	return func() tea.Msg {
		return usedMsg{Stamp: s, Project: p, Err: a.UseProject(orgExternalID, &p)}
	}
}
