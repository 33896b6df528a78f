package app

import (
	"context"
	"errors"
	"fmt"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/store"
)

// CreateOrganization checks the name (B20), creates the organization and
// switches into it. A name the API refuses comes back as an *api.Error whose
// Fields name the input. If the switch fails, the organization exists
// anyway: it is returned with the error.
func (a *App) CreateOrganization(ctx context.Context, name string, progress func(SwitchProgress)) (*api.Organization, *SwitchResult, error) {
	if err := api.ValidateOrganizationName(name); err != nil {
		return nil, nil, err
	}
	org, err := a.API.CreateOrganization(ctx, name)
	if err != nil {
		return nil, nil, err
	}
	res, err := a.SwitchOrganization(ctx, *org, progress)
	if err != nil {
		return org, nil, fmt.Errorf("organization %s created, but switching into it failed: %w", org.Name, err)
	}
	return org, res, nil
}

// AcceptInvitation accepts an invitation the user received and switches into
// its organization (B19). The invitation carries the organization's external
// id; its default project comes from the user's organization list.
func (a *App) AcceptInvitation(ctx context.Context, id string, progress func(SwitchProgress)) (*api.OrganizationInvitation, *SwitchResult, error) {
	inv, err := a.API.AcceptOrganizationInvitation(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	target, err := a.invitationOrganization(ctx, inv)
	if err != nil {
		return inv, nil, fmt.Errorf("invitation accepted, but its organization was not found: %w", err)
	}
	res, err := a.SwitchOrganization(ctx, *target, progress)
	if err != nil {
		return inv, nil, fmt.Errorf("invitation accepted, but switching into %s failed: %w", orgLabel(*target), err)
	}
	return inv, res, nil
}

func (a *App) invitationOrganization(ctx context.Context, inv *api.OrganizationInvitation) (*api.Organization, error) {
	ids := []string{inv.OrganizationID}
	if inv.Organization != nil {
		ids = append(ids, inv.Organization.ExternalID, inv.Organization.ID)
	}
	for _, id := range ids {
		if id == "" {
			continue
		}
		if o, err := a.FindOrganization(ctx, id); err == nil {
			return o, nil
		}
	}
	if inv.Organization != nil && inv.Organization.ExternalID != "" {
		o := inv.Organization
		return &api.Organization{ID: o.ID, ExternalID: o.ExternalID, Name: o.Name, Status: o.Status}, nil
	}
	return nil, errors.New("the invitation names no organization")
}

// LeaveResult says where leaving an organization landed.
type LeaveResult struct {
	Left       api.Organization
	Member     *api.OrganizationMember
	SwitchedTo *SwitchResult // nil when the user signed out instead
	SignedOut  bool
}

// LeaveOrganization removes the user's own membership of the current
// organization (B18), forgets the organization locally, and leaves its
// session: into the previous (or another live) organization, or signed out
// when there is none.
func (a *App) LeaveOrganization(ctx context.Context) (*LeaveResult, error) {
	org, err := a.CheckSession(ctx)
	if err != nil {
		return nil, err
	}
	if org == nil {
		return nil, ErrNoOrganization
	}
	me, err := a.API.GetCurrentUser(ctx)
	if err != nil {
		return nil, err
	}
	members, err := a.API.AllOrganizationMembers(ctx, api.ListOrganizationMembersParams{OrganizationID: org.ID, UserID: me.ID})
	if err != nil {
		return nil, err
	}
	var mine *api.OrganizationMember
	for i := range members {
		if members[i].UserID == me.ID && (members[i].OrganizationID == "" || members[i].OrganizationID == org.ID) {
			mine = &members[i]
		}
	}
	if mine == nil {
		return nil, fmt.Errorf("no membership of yours found in %s", orgLabel(*org))
	}
	removed, err := a.API.RemoveOrganizationMember(ctx, mine.ID)
	if err != nil {
		return nil, err
	}
	res := &LeaveResult{Left: *org, Member: removed}
	_ = a.Store.Update(func(st *store.State) { st.ForgetOrganization(org.ExternalID) })
	_ = a.Store.ForgetKnownOrganization(org.ExternalID)
	if next := a.nextOrganization(ctx, org.ExternalID); next != nil {
		if sw, err := a.SwitchOrganization(ctx, *next, nil); err == nil {
			res.SwitchedTo = sw
			return res, nil
		}
	}
	if _, err := a.SignOut(ctx); err != nil {
		return res, err
	}
	res.SignedOut = true
	return res, nil
}

// nextOrganization picks where to go after leaving: the previous
// organization if still live, else the first active one.
func (a *App) nextOrganization(ctx context.Context, left string) *api.Organization {
	orgs, err := a.UserOrganizations(api.Revalidate(ctx))
	if err != nil {
		return nil
	}
	st, _ := a.Store.Load()
	var first *api.Organization
	for i := range orgs {
		o := &orgs[i]
		if o.ExternalID == left || o.ExternalID == "" {
			continue
		}
		if o.ExternalID == st.PreviousOrganization {
			return o
		}
		if first == nil && o.Status == api.OrganizationActive {
			first = o
		}
	}
	return first
}
