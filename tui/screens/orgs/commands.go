package orgs

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
)

// searchDelay lets a burst of keys settle before asking the server.
const searchDelay = 150 * time.Millisecond

// pagesMsg is the pages of the background walk that arrived in order since
// the last one.
type pagesMsg struct {
	Stamp common.Stamp
	Walk  *app.OrganizationWalk
	Batch app.OrganizationBatch
	Err   error
}

// searchDueMsg fires searchDelay after a filter change.
type searchDueMsg struct {
	Stamp common.Stamp
	Query string
}

// searchMsg is the server's answer to a `search`.
type searchMsg struct {
	Stamp common.Stamp
	Query string
	Orgs  []app.OrganizationSummary
	Err   error
}

// orderMsg carries the pinned and recent organizations.
type orderMsg struct{ Order app.OrganizationOrder }

// nextPages waits for the walk's next pages; the screen asks again when they
// arrive, so a walk whose stamp is stale is no longer read, and stops.
func nextPages(ctx context.Context, w *app.OrganizationWalk, s common.Stamp) tea.Cmd {
	return func() tea.Msg {
		b, err := w.Next(ctx)
		return pagesMsg{Stamp: s, Walk: w, Batch: b, Err: err}
	}
}

func searchLater(s common.Stamp, query string) tea.Cmd {
	return tea.Tick(searchDelay, func(time.Time) tea.Msg { return searchDueMsg{Stamp: s, Query: query} })
}

func search(ctx context.Context, a common.App, s common.Stamp, query string) tea.Cmd {
	return func() tea.Msg {
		p, err := a.ListOrganizations(ctx, app.OrganizationQuery{Search: query})
		if err != nil {
			return searchMsg{Stamp: s, Query: query, Err: err}
		}
		rows := make([]app.OrganizationSummary, len(p.Organizations))
		for i, o := range p.Organizations {
			rows[i] = app.Summarize(o)
		}
		return searchMsg{Stamp: s, Query: query, Orgs: rows}
	}
}

// loadOrder reads the pinned and recent organizations (a file read, off the
// UI goroutine).
func loadOrder(a common.App) tea.Cmd {
	return func() tea.Msg { return orderMsg{Order: a.OrganizationOrder()} }
}

// togglePin pins or unpins an organization and reports the new order.
func togglePin(a common.App, externalID string) tea.Cmd {
	return func() tea.Msg {
		o, err := a.TogglePin(externalID)
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		return orderMsg{Order: o}
	}
}
