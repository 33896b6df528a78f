// Package services is the services screen (B30): the current project's
// services with their app, type and status; the instances of the service
// under the cursor below the list; enter follows its logs.
package services

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
	"github.com/panel-dev/panel/tui/screens/internal/listscreen"
)

// Route opens the services screen.
const Route common.Route = "services"

// instanceRows is how many lines the instances of the selected service take
// under the list (a title and up to this many minus one instances).
const instanceRows = 5

// Model is the services screen.
type Model struct {
	ctx     *common.Context
	width   int
	list    *listscreen.Feed[app.Service, *app.ProjectServices]
	project *app.ProjectServices // the last load (app names, the project)

	shownFor  string // the service whose instances are asked for or shown
	instances []app.Instance
	instErr   string
	loadInst  common.Stamp
}

// New returns the screen; it loads on Init.
func New(ctx *common.Context) *Model {
	m := &Model{ctx: ctx}
	m.list = listscreen.NewOf(ctx, components.ListOptions[app.Service]{
		Noun:   "services",
		Empty:  "This project has no service yet.",
		Text:   func(s app.Service) string { return m.label(s) + " " + s.ID },
		Key:    func(s app.Service) string { return s.ID },
		Row:    m.row,
		Select: "follow its logs",
	}, m.services, func(p *app.ProjectServices) []app.Service { return p.Services })
	m.list.Loaded = m.loaded
	m.SetSize(ctx.Width, ctx.Height)
	return m
}

// Init loads the services of the current project.
func (m *Model) Init() tea.Cmd { return m.list.Reload(false) }

// SetSize gives the screen its area: a title line, the list, the instances.
func (m *Model) SetSize(width, height int) {
	m.width = width
	m.list.SetSize(width, max(height-1-instanceRows, 0))
}

// Title names the screen in the header.
func (m *Model) Title() string { return "Services" }

// Route is where this screen is, for `next`.
func (m *Model) Route() common.Route { return Route }

// Capturing is true while the filter takes every key.
func (m *Model) Capturing() bool { return m.list.FilterFocused() }

// Shown is how many services pass the filter.
func (m *Model) Shown() int { return m.list.Shown() }

// Instances are the instances shown of the selected service.
func (m *Model) Instances() []app.Instance { return m.instances }

// label is app/service (unique in a project), or the name alone before the apps are known.
func (m *Model) label(s app.Service) string {
	if m.project == nil {
		return s.Name
	}
	return m.project.Label(s)
}
