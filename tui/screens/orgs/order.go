package orgs

import "github.com/panel-dev/panel/app"

// merge adds orgs not yet in have (by id) to it, keeping have's order.
func merge(have []app.Organization, seen map[string]bool, orgs []app.Organization) []app.Organization {
	for _, o := range orgs {
		if seen[o.ID] {
			continue
		}
		seen[o.ID] = true
		have = append(have, o)
	}
	return have
}
