package orgs

import "github.com/panel-dev/panel/api"

// arrange puts pinned organizations first (in pinned order), then recent
// ones (most recent first), then the rest in the server's order. Pinned and
// recent hold ids or external ids, whichever the store keeps.
func arrange(all []api.Organization, pinned, recent []string) []api.Organization {
	rank := make(map[string]int, len(pinned)+len(recent))
	for i, id := range recent {
		if _, ok := rank[id]; !ok {
			rank[id] = len(pinned) + i
		}
	}
	for i, id := range pinned {
		rank[id] = i
	}
	const unranked = int(^uint(0) >> 1)
	rankOf := func(o api.Organization) int {
		r := unranked
		if v, ok := rank[o.ID]; ok {
			r = v
		}
		if v, ok := rank[o.ExternalID]; ok && v < r {
			r = v
		}
		return r
	}
	front := make([][]api.Organization, len(pinned)+len(recent))
	out := make([]api.Organization, 0, len(all))
	var rest []api.Organization
	for _, o := range all {
		if r := rankOf(o); r != unranked {
			front[r] = append(front[r], o)
			continue
		}
		rest = append(rest, o)
	}
	for _, f := range front {
		out = append(out, f...)
	}
	return append(out, rest...)
}

// merge adds orgs not yet in have (by id) to it, keeping have's order.
func merge(have []api.Organization, seen map[string]bool, orgs []api.Organization) []api.Organization {
	for _, o := range orgs {
		if seen[o.ID] {
			continue
		}
		seen[o.ID] = true
		have = append(have, o)
	}
	return have
}
