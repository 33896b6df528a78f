// Package orgs is the organization switcher (B14, B15, B20): every
// organization of the user, fetched page by page in the background, the
// current one marked, pinned and recent first, an instant fuzzy filter over
// name and id that takes every key as text, a server search while pages are
// still missing, Enter to switch (the root does it) and ctrl+n to create.
package orgs

import (
	"context"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
	"github.com/panel-dev/panel/tui/screens/internal/orgform"
)

// Route opens the switcher.
const Route common.Route = "orgs"

// Model is the organization switcher screen.
type Model struct {
	ctx  *common.Context
	keys keyMap
	list components.List[app.Organization]

	walk       common.Stamp    // the background page walk
	walkCtx    context.Context // its context: a retried walk skips the cache
	nextOffset int             // where the walk resumes after an error
	complete   bool            // every page is loaded
	all        []app.Organization
	seen       map[string]bool
	order      app.OrganizationOrder // pinned and recent first

	searchStamp common.Stamp
	searched    map[string]bool // queries the server already answered

	form *orgform.Form // ctrl+n, nil when closed

	switchWhenLoaded string // the filter of an enter typed before any match was loaded
}

// New returns the switcher.
func New(ctx *common.Context) *Model {
	m := &Model{ctx: ctx, keys: newKeyMap(), seen: map[string]bool{}, searched: map[string]bool{}}
	m.list = components.NewList(ctx.Theme, components.ListOptions[app.Organization]{
		Noun:        "organizations",
		Empty:       "You belong to no organization yet. Press ctrl+n to create one.",
		Text:        func(o app.Organization) string { return o.Name + " " + o.ExternalID },
		Key:         func(o app.Organization) string { return o.ID },
		Row:         m.row,
		FilterFirst: true,
	})
	m.list.SetSize(ctx.Width, ctx.Height-1)
	return m
}

// Init starts the page walk and reads pins and recents.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.startWalk(false), loadOrder(m.ctx.App))
}

// startWalk (re)starts the background walk from where it stopped; fresh
// skips the query cache (retry).
func (m *Model) startWalk(fresh bool) tea.Cmd {
	m.walk = m.ctx.Stamp()
	m.walkCtx = common.RequestContext(m.ctx.Ctx, fresh)
	return tea.Batch(m.list.StartLoading(), fetchPage(m.walkCtx, m.ctx.App, m.walk, m.nextOffset))
}

// SetSize gives the screen its area; one line is the title.
func (m *Model) SetSize(width, height int) { m.list.SetSize(width, max(height-1, 0)) }

// Title names the screen in the header.
func (m *Model) Title() string { return "Organizations" }

// Route is where this screen is, for `next`.
func (m *Model) Route() common.Route { return Route }

// Capturing is always true: the filter is focused from the start, so every
// key is text (q types a q), and so is the create form.
func (m *Model) Capturing() bool { return m.list.FilterFocused() || m.form != nil }

// Loaded is how many organizations are loaded, and whether that is all.
func (m *Model) Loaded() (int, bool) { return len(m.all), m.complete }

// Shown is how many organizations pass the filter.
func (m *Model) Shown() int { return m.list.Shown() }

// Selected is the organization under the cursor.
func (m *Model) Selected() (app.Organization, bool) { return m.list.Selected() }

// Filter is the filter text.
func (m *Model) Filter() string { return m.list.FilterValue() }

// rearrange puts pinned and recent organizations first and refreshes the list.
func (m *Model) rearrange() {
	m.list.SetItems(m.order.Arrange(m.all))
	if !m.complete {
		m.list.SetNote(fmt.Sprintf("%d loaded, more coming…", len(m.all)))
	} else {
		m.list.SetNote("")
	}
}
