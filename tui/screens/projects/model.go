// Package projects is the projects screen (B17): the current organization's
// projects with their service counts, the default and the current one
// marked; enter makes a project current (stored per organization and sent
// as x-koyeb-project-id). A stored project that no longer exists or belongs
// to another organization is replaced by the default when the list loads.
package projects

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
	"github.com/panel-dev/panel/tui/screens/internal/listscreen"
)

// Route opens the projects screen.
const Route common.Route = "projects"

// Model is the projects screen.
type Model struct {
	ctx     *common.Context
	list    *listscreen.Feed[app.Project, *app.ProjectList]
	using   common.Stamp
	current string // id of the current project
}

// New returns the screen; it loads on Init.
func New(ctx *common.Context) *Model {
	m := &Model{ctx: ctx}
	if ctx.Project != nil {
		m.current = ctx.Project.ID
	}
	m.list = listscreen.NewOf(ctx, components.ListOptions[app.Project]{
		Noun:   "projects",
		Empty:  "This organization has no project yet.",
		Text:   func(p app.Project) string { return p.Name + " " + p.ID },
		Key:    func(p app.Project) string { return p.ID },
		Row:    m.row,
		Select: "make current",
	}, m.projects, func(l *app.ProjectList) []app.Project { return l.Projects })
	m.list.Loaded = m.loaded
	m.SetSize(ctx.Width, ctx.Height)
	return m
}

// Init loads the projects and the current one.
func (m *Model) Init() tea.Cmd { return m.list.Reload(false) }

// SetSize gives the screen its area; one line is the title.
func (m *Model) SetSize(width, height int) { m.list.SetSize(width, max(height-1, 0)) }

// Title names the screen in the header.
func (m *Model) Title() string { return "Projects" }

// Route is where this screen is, for `next`.
func (m *Model) Route() common.Route { return Route }

// Capturing is true while the filter takes every key.
func (m *Model) Capturing() bool { return m.list.FilterFocused() }

// Current is the id of the current project ("" unknown).
func (m *Model) Current() string { return m.current }

// Shown is how many projects pass the filter.
func (m *Model) Shown() int { return m.list.Shown() }
