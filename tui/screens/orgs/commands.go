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

// pageMsg is one page of the background walk over the user's organizations.
type pageMsg struct {
	Stamp   common.Stamp
	Offset  int
	Orgs    []app.Organization
	HasNext bool
	Err     error
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
	Orgs  []app.Organization
	Err   error
}

// orderMsg carries the pinned and recent organizations.
type orderMsg struct{ Order app.OrganizationOrder }

// fetchPage asks for one page; the screen asks for the next one when it
// arrives, so the walk stops as soon as its stamp is stale.
func fetchPage(ctx context.Context, a common.App, s common.Stamp, offset int) tea.Cmd {
	return func() tea.Msg {
		p, err := a.ListOrganizations(ctx, app.OrganizationQuery{Offset: offset})
		if err != nil {
			return pageMsg{Stamp: s, Offset: offset, Err: err}
		}
		return pageMsg{Stamp: s, Offset: offset, Orgs: p.Organizations, HasNext: p.More}
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
		return searchMsg{Stamp: s, Query: query, Orgs: p.Organizations}
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
