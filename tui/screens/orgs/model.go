// Package orgs is the organization switcher (B14, B15, B20): every
// organization of the user, fetched several pages at a time in the
// background and kept as slim rows (app.OrganizationSummary), the
// current one marked, pinned and recent first, an instant fuzzy filter over
// name and id that takes every key as text, a server search while pages are
// still missing, Enter to switch (the root does it) and ctrl+n to create.
package orgs

import (
	"context"
	"fmt"
	"time"

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
	list components.List[app.OrganizationSummary]

	walk       common.Stamp              // the background page walk
	walkCtx    context.Context           // its context: a retried walk skips the cache
	nextOffset int                       // where the walk resumes after an error
	complete   bool                      // every page is loaded
	all        []app.OrganizationSummary // in the server's order, as they came
	seen       map[string]struct{}
	order      app.OrganizationOrder // pinned and recent first
	ranking    app.Ranking           // order, indexed

	// Pages are appended to all as they come; the list takes them once per
	// frame (frameDue), only the new rows unless the front changed.
	listed   int  // how many of all the list holds
	rebuild  bool // the order changed, or a pinned or recent row came: arrange again
	frameDue bool

	searchStamp common.Stamp
	searched    map[string]bool // queries the server already answered

	form *orgform.Form // ctrl+n, nil when closed

	switchWhenLoaded string // the filter of an enter typed before any match was loaded
}

// New returns the switcher.
func New(ctx *common.Context) *Model {
	m := &Model{ctx: ctx, keys: newKeyMap(), seen: map[string]struct{}{}, searched: map[string]bool{}}
	m.list = components.NewList(ctx.Theme, components.ListOptions[app.OrganizationSummary]{
		Noun:        "organizations",
		Empty:       "You belong to no organization yet. Press ctrl+n to create one.",
		Text:        func(o app.OrganizationSummary) string { return o.Name + " " + o.ExternalID },
		Key:         func(o app.OrganizationSummary) string { return o.ID },
		Row:         m.row,
		Select:      "switch",
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
	w := m.ctx.App.WalkOrganizations(m.walkCtx, app.OrganizationQuery{Offset: m.nextOffset})
	return tea.Batch(m.list.StartLoading(), nextPages(m.walkCtx, w, m.walk))
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
func (m *Model) Shown() int {
	m.sync()
	return m.list.Shown()
}

// Selected is the organization under the cursor.
func (m *Model) Selected() (app.OrganizationSummary, bool) {
	m.sync()
	return m.list.Selected()
}

// Filter is the filter text.
func (m *Model) Filter() string { return m.list.FilterValue() }

// frame is how often rows that came are given to the list: the renderer's
// frame rate, so that a burst of pages costs one arrangement.
const frame = time.Second / 120

type frameMsg struct{}

// add appends rows not seen yet (by id) and asks for a frame.
func (m *Model) add(rows []app.OrganizationSummary) tea.Cmd {
	for _, o := range rows {
		if _, dup := m.seen[o.ID]; dup {
			continue
		}
		m.seen[o.ID] = struct{}{}
		if _, ranked := m.ranking.Of(o.ID, o.ExternalID); ranked {
			m.rebuild = true // it goes before rows the list already holds
		}
		m.all = append(m.all, o)
	}
	if m.frameDue {
		return nil
	}
	m.frameDue = true
	return tea.Tick(frame, func(time.Time) tea.Msg { return frameMsg{} })
}

// setOrder takes new pins and recents: the front is arranged again.
func (m *Model) setOrder(o app.OrganizationOrder) {
	m.order, m.ranking, m.rebuild = o, o.Ranking(), true
	m.sync()
}

// sync gives the list what came since the last frame: only the new rows,
// unless the front changed and everything is arranged again.
func (m *Model) sync() {
	switch {
	case m.rebuild:
		m.list.SetItems(m.order.ArrangeSummaries(m.all))
		m.rebuild = false
	case m.listed < len(m.all):
		m.list.AppendItems(m.all[m.listed:])
	}
	m.listed = len(m.all)
	if !m.complete {
		m.list.SetNote(fmt.Sprintf("%d loaded, more coming…", len(m.all)))
	} else {
		m.list.SetNote("")
	}
}
