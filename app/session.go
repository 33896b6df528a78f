package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/store"
)

var timeNow = time.Now

// CheckSession asks the API for the current organization, which is how a
// revoked session shows (B10): a 403 there (not a locked account, not a
// deactivated organization) is either a revoked session, signed out
// (auth.ErrSessionRevoked), or a lost membership: the session moves to
// another organization (*MembershipLostError, membership.go). A
// session without organization (404, or any client error but 401, 403 and
// 429 for a token without org_id: B23, onboarding.go) returns (nil, nil). It always
// asks the network (never the cache).
func (a *App) CheckSession(ctx context.Context) (*api.Organization, error) {
	org, err := a.API.GetCurrentOrganization(api.Revalidate(ctx))
	switch {
	case api.IsSessionRevoked(err):
		org, _ := a.currentOrgID(ctx)
		return nil, a.sessionRefused(ctx, api.Organization{ExternalID: org}, true)
	case a.noOrganization(ctx, err):
		_ = a.Store.Update(func(st *store.State) { st.Last.Organization, st.Last.Project = nil, nil })
		return nil, nil
	case err != nil:
		return nil, err
	}
	a.remember(nil, org, nil)
	return org, nil
}

// signOutRevoked signs out after the server revoked the session and returns
// the error that says so (exit 4 in commands, the sign-in screen in the TUI).
// The organization the session was in is kept for the next sign-in (B28).
func (a *App) signOutRevoked(ctx context.Context) error {
	was := a.ResumeOrganization(ctx)
	a.Session.MarkRevoked() // before the tokens go: a request racing the sign-out says revoked too
	_, err := a.SignOut(context.WithoutCancel(ctx))
	a.keepResume(was)
	if err != nil && !errors.Is(err, auth.ErrTokenFromEnvironment) {
		//nolint:errorlint // the sign-out failure is detail: wrapped, a keychain error could outrank the revocation
		return fmt.Errorf("%w (and signing out failed: %v)", auth.ErrSessionRevoked, err)
	}
	return auth.ErrSessionRevoked
}

// SignOutRevoked signs out after a revocation seen outside CheckSession (a
// 403 on another call): like CheckSession's, it keeps the organization the
// session was in for the next sign-in (B28), and returns
// auth.ErrSessionRevoked (wrapped with a failure of the sign-out).
func (a *App) SignOutRevoked(ctx context.Context) error { return a.signOutRevoked(ctx) }

// SignOut ends the session (B7: WorkOS logout with the sid, stored tokens
// deleted), drops every cached query and forgets the last known user,
// organization, project, organization list and remembered names, and the
// organization a next sign-in would have asked for (B28: a sign-out the user
// asked for ends it). The local part happens even offline.
func (a *App) SignOut(ctx context.Context) (auth.LogoutResult, error) {
	res, err := a.Session.Logout(ctx)
	a.API.Cache().InvalidateAll()
	forget := func(st *store.State) { st.Last, st.ResumeOrganization = store.LastKnown{}, nil }
	if serr := a.Store.Update(forget); serr != nil && err == nil {
		err = serr
	}
	_ = a.Store.ForgetKnownOrganizations() // the next user of the profile may be someone else
	_ = a.Store.ForgetNames()
	return res, err
}
