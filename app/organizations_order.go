package app

import (
	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/store"
)

// OrganizationOrder is the switcher's order (B14): pinned organizations
// first, in the order they were pinned, then the recent ones, most recent
// first, then the rest in the server's order. Both lists hold external ids
// (or ids, whichever the store kept).
type OrganizationOrder struct {
	Pinned, Recent []string
}

// OrganizationOrder reads the pinned and recent organizations of the
// profile; an unreadable store only means no pins and no recents.
func (a *App) OrganizationOrder() OrganizationOrder {
	st, _ := a.Store.Load()
	return OrganizationOrder{Pinned: st.PinnedOrganizations, Recent: st.RecentOrganizations}
}

// TogglePin pins the organization (external id), or unpins it when it is
// pinned, and returns the order that results.
func (a *App) TogglePin(externalID string) (OrganizationOrder, error) {
	var out OrganizationOrder
	err := a.Store.Update(func(st *store.State) {
		if st.IsPinned(externalID) {
			st.Unpin(externalID)
		} else {
			st.Pin(externalID)
		}
		out = OrganizationOrder{Pinned: append([]string(nil), st.PinnedOrganizations...),
			Recent: append([]string(nil), st.RecentOrganizations...)}
	})
	return out, err
}

// Arrange returns all in this order (all itself is left as it is).
func (o OrganizationOrder) Arrange(all []api.Organization) []api.Organization {
	rank := make(map[string]int, len(o.Pinned)+len(o.Recent))
	for i, id := range o.Recent {
		if _, ok := rank[id]; !ok {
			rank[id] = len(o.Pinned) + i
		}
	}
	for i, id := range o.Pinned {
		rank[id] = i
	}
	const unranked = int(^uint(0) >> 1)
	rankOf := func(org api.Organization) int {
		r := unranked
		if v, ok := rank[org.ID]; ok {
			r = v
		}
		if v, ok := rank[org.ExternalID]; ok && v < r {
			r = v
		}
		return r
	}
	front := make([][]api.Organization, len(o.Pinned)+len(o.Recent))
	out := make([]api.Organization, 0, len(all))
	var rest []api.Organization
	for _, org := range all {
		if r := rankOf(org); r != unranked {
			front[r] = append(front[r], org)
			continue
		}
		rest = append(rest, org)
	}
	for _, f := range front {
		out = append(out, f...)
	}
	return append(out, rest...)
}
