package app

import (
	"context"

	"github.com/panel-dev/panel/api"
)

// Listing the user's organizations (B14) is one rule for `panel orgs list`
// and the TUI's switcher: GET /v1/account/organizations pages by has_next
// (an empty page ends the walk whatever has_next says), 100 at a time and
// several pages at once (api.WalkHasNext), the
// five live statuses unless others are asked for, and the session's own
// organization marked. What a walk over the whole live list saw is
// remembered, so that the next switch by name skips listing.

// OrganizationQuery selects among the user's organizations.
type OrganizationQuery struct {
	Search   string                   // the server's name search ("" = every organization)
	Statuses []api.OrganizationStatus // nil = api.LiveOrganizationStatuses
	Offset   int                      // where the page starts (ListOrganizations only)
}

// whole reports a query for the user's whole live list.
func (q OrganizationQuery) whole() bool { return q.Search == "" && len(q.Statuses) == 0 }

func (q OrganizationQuery) params() api.ListUserOrganizationsParams {
	p := api.ListUserOrganizationsParams{Page: api.Page{Limit: api.MaxLimit, Offset: q.Offset}, Search: q.Search,
		Statuses: q.Statuses}
	if len(p.Statuses) == 0 {
		p.Statuses = api.LiveOrganizationStatuses
	}
	return p
}

// OrganizationPage is one page of the user's organizations.
type OrganizationPage struct {
	Organizations []api.Organization
	More          bool // another page follows, at offset Next
	Next          int
}

// ListOrganizations reads one page of the user's organizations, from
// q.Offset (the switcher's server search; WalkOrganizations reads them all).
func (a *App) ListOrganizations(ctx context.Context, q OrganizationQuery) (*OrganizationPage, error) {
	r, err := a.API.ListUserOrganizations(ctx, q.params())
	if err != nil {
		return nil, err
	}
	return &OrganizationPage{Organizations: r.Organizations, More: r.HasNext && len(r.Organizations) > 0,
		Next: q.Offset + len(r.Organizations)}, nil
}

// OrganizationList is every organization a query matched, in the server's
// order.
type OrganizationList struct {
	Organizations []api.Organization
	Current       string // the session's organization (external id), "" when it has none
}

// AllOrganizations walks every page of the user's organizations matching q
// (q.Offset is ignored) and remembers them: the whole live list replaces
// what was known, a filtered one only adds to it.
func (a *App) AllOrganizations(ctx context.Context, q OrganizationQuery) (*OrganizationList, error) {
	orgs, err := a.allOrganizations(ctx, q)
	if err != nil {
		return nil, err
	}
	current, _ := a.currentOrgID(ctx) // no session here means nothing to mark
	return &OrganizationList{Organizations: orgs, Current: current}, nil
}

// UserOrganizations lists all the user's live organizations from the server
// and remembers them (a switch's lookup: nothing to mark).
func (a *App) UserOrganizations(ctx context.Context) ([]api.Organization, error) {
	return a.allOrganizations(ctx, OrganizationQuery{})
}

func (a *App) allOrganizations(ctx context.Context, q OrganizationQuery) ([]api.Organization, error) {
	orgs, err := api.CollectHasNextParallel(ctx, a.API.WalkOptions("ListUserOrganizations", 0), func(ctx context.Context, p api.Page) ([]api.Organization, bool, error) {
		page, err := a.ListOrganizations(ctx, OrganizationQuery{Search: q.Search, Statuses: q.Statuses, Offset: p.Offset})
		if err != nil {
			return nil, false, err
		}
		return page.Organizations, page.More, nil
	})
	if err != nil {
		return nil, err
	}
	a.RememberOrganizations(orgs, q.whole())
	return orgs, nil
}
