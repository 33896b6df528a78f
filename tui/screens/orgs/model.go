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
	list components.List[int32] // indexes into all: the rows are held once

	walk       common.Stamp    // the background page walk
	walkCtx    context.Context // its context: a retried walk skips the cache
	nextOffset int             // where the walk resumes after an error
	complete   bool            // every page is loaded
	all        rowStore        // in the server's order, as they came
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
	m.list = components.NewList(ctx.Theme, components.ListOptions[int32]{
		Noun:        "organizations",
		Empty:       "You belong to no organization yet. Press ctrl+n to create one.",
		Text:        func(i int32) string { return m.all.at(i).FilterText() },
		Key:         func(i int32) string { return m.all.at(i).ID },
		Row:         func(i int32, selected bool, _ int) string { return m.row(m.all.at(i), selected) },
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
func (m *Model) Loaded() (int, bool) { return m.all.len(), m.complete }

// Shown is how many organizations pass the filter.
func (m *Model) Shown() int {
	m.sync()
	return m.list.Shown()
}

// Selected is the organization under the cursor.
func (m *Model) Selected() (app.OrganizationSummary, bool) {
	m.sync()
	return m.selected()
}

func (m *Model) selected() (app.OrganizationSummary, bool) {
	i, ok := m.list.Selected()
	if !ok {
		return app.OrganizationSummary{}, false
	}
	return m.all.at(i), true
}

// rows are the organizations in the list's order.
func (m *Model) rows() []app.OrganizationSummary {
	out := make([]app.OrganizationSummary, 0, len(m.list.Items()))
	for _, i := range m.list.Items() {
		out = append(out, m.all.at(i))
	}
	return out
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
		m.all.append(o)
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
		m.list.SetItems(app.ArrangeBy(m.order, indexes(0, m.all.len()), func(i int32) (string, string) {
			return m.all.at(i).ID, m.all.at(i).ExternalID
		}))
		m.rebuild = false
	case m.listed < m.all.len():
		m.list.AppendItems(indexes(m.listed, m.all.len()))
	}
	m.listed = m.all.len()
	if !m.complete {
		m.list.SetNote(fmt.Sprintf("%d loaded, more coming…", m.all.len()))
	} else {
		m.list.SetNote("")
	}
}

// indexes are from, from+1, …, to-1 (to stays under maxPages × 100, a
// million: int32 holds it).
func indexes(from, to int) []int32 {
	out := make([]int32, 0, to-from)
	for i := int32(from); i < int32(to); i++ { //nolint:gosec // bounded by the walk, see above
		out = append(out, i)
	}
	return out
}
