package orgs

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/store"
	"github.com/panel-dev/panel/tui/common"
)

// pageSize is the largest page the API serves: 10,000 orgs are 100 requests.
const pageSize = api.MaxLimit

// searchDelay lets a burst of keys settle before asking the server.
const searchDelay = 150 * time.Millisecond

// pageMsg is one page of the background walk over /v1/account/organizations.
type pageMsg struct {
	Stamp   common.Stamp
	Offset  int
	Orgs    []api.Organization
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
	Orgs  []api.Organization
	Err   error
}

// localStateMsg carries pinned and recent organizations from the store.
type localStateMsg struct {
	Pinned, Recent []string
}

// fetchPage asks for one page; the screen asks for the next one when it
// arrives, so the walk stops as soon as its stamp is stale.
func fetchPage(ctx context.Context, c *api.Client, s common.Stamp, offset int) tea.Cmd {
	return func() tea.Msg {
		r, err := c.ListUserOrganizations(ctx, api.ListUserOrganizationsParams{
			Page:     api.Page{Limit: pageSize, Offset: offset},
			Statuses: api.LiveOrganizationStatuses,
		})
		if err != nil {
			return pageMsg{Stamp: s, Offset: offset, Err: err}
		}
		return pageMsg{Stamp: s, Offset: offset, Orgs: r.Organizations, HasNext: r.HasNext}
	}
}

func searchLater(s common.Stamp, query string) tea.Cmd {
	return tea.Tick(searchDelay, func(time.Time) tea.Msg { return searchDueMsg{Stamp: s, Query: query} })
}

func search(ctx context.Context, c *api.Client, s common.Stamp, query string) tea.Cmd {
	return func() tea.Msg {
		r, err := c.ListUserOrganizations(ctx, api.ListUserOrganizationsParams{
			Page:     api.Page{Limit: pageSize},
			Search:   query,
			Statuses: api.LiveOrganizationStatuses,
		})
		if err != nil {
			return searchMsg{Stamp: s, Query: query, Err: err}
		}
		return searchMsg{Stamp: s, Query: query, Orgs: r.Organizations}
	}
}

func loadLocalState(st *store.Store) tea.Cmd {
	return func() tea.Msg {
		s, _ := st.Load() // an unreadable store just means no pins or recents
		return localStateMsg{Pinned: s.PinnedOrganizations, Recent: s.RecentOrganizations}
	}
}

// togglePin pins or unpins an organization and reports the new local state.
func togglePin(st *store.Store, externalID string) tea.Cmd {
	return func() tea.Msg {
		var out localStateMsg
		err := st.Update(func(s *store.State) {
			if s.IsPinned(externalID) {
				s.Unpin(externalID)
			} else {
				s.Pin(externalID)
			}
			out = localStateMsg{Pinned: append([]string(nil), s.PinnedOrganizations...),
				Recent: append([]string(nil), s.RecentOrganizations...)}
		})
		if err != nil {
			return common.ErrorMsg{Err: err}
		}
		return out
	}
}
