package app

import (
	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/store"
)

// The organizations the user was last seen to belong to (store's
// organizations.json) let a switch by name, id or `-` skip listing
// organizations first: a switch is then the refresh and one parallel read,
// two round trips.

// KnownOrganization returns the organization with that external id, id or
// name among those last seen, without network.
func (a *App) KnownOrganization(query string) (*api.Organization, bool) {
	o, ok := a.Store.FindKnownOrganization(query)
	if !ok {
		return nil, false
	}
	org := organizationOf(o)
	return &org, true
}

// KnownOrganizations returns the organizations last seen and whether they
// are the user's whole live list (as of the last walk).
func (a *App) KnownOrganizations() ([]api.Organization, bool) {
	k, _ := a.Store.KnownOrganizations()
	orgs := make([]api.Organization, len(k.Organizations))
	for i, o := range k.Organizations {
		orgs[i] = organizationOf(o)
	}
	return orgs, k.Complete
}

// RememberOrganizations records organizations the API showed; complete when
// they are the user's whole live list. A store failure only costs a round
// trip later, so it is dropped.
func (a *App) RememberOrganizations(orgs []api.Organization, complete bool) {
	known := make([]store.KnownOrganization, 0, len(orgs))
	for _, o := range orgs {
		if o.ExternalID != "" {
			known = append(known, store.KnownOrganization{ID: o.ID, ExternalID: o.ExternalID, Name: o.Name,
				Status: string(o.Status), DefaultProjectID: o.DefaultProjectID})
		}
	}
	_ = a.Store.RememberOrganizations(known, complete)
}

func organizationOf(o store.KnownOrganization) api.Organization {
	return api.Organization{ID: o.ID, ExternalID: o.ExternalID, Name: o.Name,
		Status: api.OrganizationStatus(o.Status), DefaultProjectID: o.DefaultProjectID}
}
