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
// deactivated organization) signs out and returns auth.ErrSessionRevoked. A
// session without organization (404, or any client error but 401, 403 and
// 429 for a token without org_id: B23, onboarding.go) returns (nil, nil). It always
// asks the network (never the cache).
func (a *App) CheckSession(ctx context.Context) (*api.Organization, error) {
	org, err := a.API.GetCurrentOrganization(api.Revalidate(ctx))
	switch {
	case api.IsSessionRevoked(err):
		return nil, a.signOutRevoked(ctx)
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
func (a *App) signOutRevoked(ctx context.Context) error {
	a.Session.MarkRevoked() // before the tokens go: a request racing the sign-out says revoked too
	if _, err := a.SignOut(context.WithoutCancel(ctx)); err != nil && !errors.Is(err, auth.ErrTokenFromEnvironment) {
		//nolint:errorlint // the sign-out failure is detail: wrapped, a keychain error could outrank the revocation
		return fmt.Errorf("%w (and signing out failed: %v)", auth.ErrSessionRevoked, err)
	}
	return auth.ErrSessionRevoked
}

// SignOut ends the session (B7: WorkOS logout with the sid, stored tokens
// deleted), drops every cached query and forgets the last known user,
// organization, project, organization list and remembered names. The local part happens even offline.
func (a *App) SignOut(ctx context.Context) (auth.LogoutResult, error) {
	res, err := a.Session.Logout(ctx)
	a.API.Cache().InvalidateAll()
	if serr := a.Store.Update(func(st *store.State) { st.Last = store.LastKnown{} }); serr != nil && err == nil {
		err = serr
	}
	_ = a.Store.ForgetKnownOrganizations() // the next user of the profile may be someone else
	_ = a.Store.ForgetNames()
	return res, err
}
