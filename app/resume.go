package app

import (
	"context"
	"errors"
	"strings"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/store"
)

// A sign-in that replaces a session (revoked, expired, refused, `login
// --force`, the TUI's sign in again) asks for the organization the user was
// in, and a sign-in that lands elsewhere says so (B28): a support person must
// never act in another customer's organization without being told.

// ResumeOrganization is the organization a replacing sign-in asks for: the
// stored session's when there is one, else the one a session the user did
// not end was in (kept by the revocation's sign-out), else the last one
// seen. nil for a first sign-in and after a sign-out the user asked for.
func (a *App) ResumeOrganization(ctx context.Context) *api.Organization {
	st, _ := a.Store.Load()
	in, err := a.Session.Info(ctx)
	return resumeOrganization(in, err, st, a.KnownOrganization)
}

// ResumeOrganizationOf is ResumeOrganization for a caller that holds the
// session and the store but no App (`panel login`).
func ResumeOrganizationOf(ctx context.Context, s *auth.Session, st *store.Store) *api.Organization {
	state, _ := st.Load()
	in, err := s.Info(ctx)
	return resumeOrganization(in, err, state, func(id string) (*api.Organization, bool) {
		o, ok := st.FindKnownOrganization(id)
		if !ok {
			return nil, false
		}
		org := organizationOf(o)
		return &org, true
	})
}

func resumeOrganization(in auth.Info, infoErr error, st store.State, known func(string) (*api.Organization, bool)) *api.Organization {
	id := ""
	switch {
	case infoErr == nil:
		id = in.OrganizationID
	case errors.Is(infoErr, auth.ErrLoginRequired) && st.ResumeOrganization != nil:
		o := organizationFromStore(*st.ResumeOrganization)
		return &o
	case errors.Is(infoErr, auth.ErrLoginRequired) && st.Last.Organization != nil:
		// The session was dropped without the app's sign-out (a refused refresh): the last
		// organization seen is where the user was.
		o := organizationFromStore(*st.Last.Organization)
		return &o
	}
	if id == "" {
		return nil
	}
	if o := st.Last.Organization; o != nil && o.ExternalID == id {
		org := organizationFromStore(*o)
		return &org
	}
	if o, ok := known(id); ok && o.ExternalID == id {
		return o
	}
	return &api.Organization{ExternalID: id}
}

func organizationFromStore(o store.Organization) api.Organization {
	return api.Organization{ID: o.ID, ExternalID: o.ExternalID, Name: o.Name,
		Status: api.OrganizationStatus(o.Status), DefaultProjectID: o.DefaultProjectID}
}

// keepResume records where a session that the user did not end was, for the
// next sign-in (after its sign-out forgot everything else).
func (a *App) keepResume(o *api.Organization) {
	if o == nil || o.ExternalID == "" {
		return
	}
	_ = a.Store.Update(func(st *store.State) {
		st.ResumeOrganization = &store.Organization{ID: o.ID, ExternalID: o.ExternalID, Name: o.Name,
			Status: string(o.Status), DefaultProjectID: o.DefaultProjectID}
	})
}

// OrganizationChange says how a sign-in's landing differs from what it asked
// for: "Now in acme, was umbrella." ("" when it landed where asked, or asked
// for nothing). landed is nil when the new session has no organization.
func OrganizationChange(asked, landed *api.Organization) string {
	if asked == nil || asked.ExternalID == "" {
		return ""
	}
	if landed != nil && landed.ExternalID == asked.ExternalID {
		return ""
	}
	now := "in no organization"
	if landed != nil {
		now = "in " + orgLabel(*landed)
	}
	return "Now " + now + ", was " + orgLabel(*asked) + "."
}

// OrganizationRefused reports WorkOS refusing the organization a sign-in
// asked for: a refusal that came back through the browser's redirect (the
// authorize step: access_denied when the user is not a member of it), or one
// about the organization or the membership. The user left it meanwhile, and a
// replacing sign-in goes on without it. A refused code exchange
// (invalid_grant) is the sign-in's own failure.
func OrganizationRefused(err error) bool {
	var refused *auth.RefusedError
	if !errors.As(err, &refused) {
		return false
	}
	return refused.Status == 0 || strings.Contains(refused.Code, "organization") ||
		strings.Contains(refused.Code, "membership")
}
