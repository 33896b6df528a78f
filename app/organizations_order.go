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
	return ArrangeBy(o, all, func(org api.Organization) (string, string) { return org.ID, org.ExternalID })
}

// ArrangeBy is Arrange for anything that names an organization by its id
// and external id (the switcher's rows are indexes).
func ArrangeBy[T any](o OrganizationOrder, all []T, ids func(T) (id, externalID string)) []T {
	return arrange(o.Ranking(), all, ids)
}

// Ranking is the order ready to place organizations: pinned first, then
// recent.
type Ranking struct {
	rank   map[string]int
	places int
}

// Ranking indexes the order.
func (o OrganizationOrder) Ranking() Ranking {
	rank := make(map[string]int, len(o.Pinned)+len(o.Recent))
	for i, id := range o.Recent {
		if _, ok := rank[id]; !ok {
			rank[id] = len(o.Pinned) + i
		}
	}
	for i, id := range o.Pinned {
		rank[id] = i
	}
	return Ranking{rank: rank, places: len(o.Pinned) + len(o.Recent)}
}

// Of is an organization's place in the front (by id or external id,
// whichever comes first), false when it has none: it goes with the rest.
func (r Ranking) Of(id, externalID string) (int, bool) {
	v, ok := r.rank[id]
	if w, found := r.rank[externalID]; found && (!ok || w < v) {
		v, ok = w, true
	}
	return v, ok
}

func arrange[T any](r Ranking, all []T, ids func(T) (string, string)) []T {
	front := make([][]T, r.places)
	out := make([]T, 0, len(all))
	var rest []T
	for _, org := range all {
		if v, ok := r.Of(ids(org)); ok {
			front[v] = append(front[v], org)
			continue
		}
		rest = append(rest, org)
	}
	for _, f := range front {
		out = append(out, f...)
	}
	return append(out, rest...)
}
