package app

import (
	"context"
	"errors"
	"fmt"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/store"
)

// The API refuses a session check (403 on the current organization) both for a revoked session and for a
// token whose organization no longer has the user as a member. Signing out on the second would sign a
// support person out of every organization for one lost membership: so before anyone is signed out,
// WorkOS decides with a refresh that names no organization. Refused: the session was revoked (sign out,
// auth.ErrSessionRevoked). Accepted: only the membership is gone (*MembershipLostError).

// MembershipLostError says the session is alive, but the user is no longer a member of Organization. It is
// forgotten locally, and the session moved to SwitchedTo (the previous organization, else the first live
// one); SwitchedTo is nil when no other organization could be switched to (onboarding).
type MembershipLostError struct {
	Organization api.Organization
	SwitchedTo   *SwitchResult
}

func (e *MembershipLostError) Error() string {
	lost := orgLabel(e.Organization)
	if e.SwitchedTo != nil {
		return fmt.Sprintf("you are no longer a member of %s (your session is kept); now in %s", lost,
			orgLabel(e.SwitchedTo.Organization))
	}
	return fmt.Sprintf("you are no longer a member of %s (your session is kept), and no other organization could be switched to", lost)
}

// sessionRefused decides what a 403 on the session check for organization lost (its external id at
// least) means. With move, a lost membership also moves the session to another organization (a move that
// meets a 403 again does not move further).
func (a *App) sessionRefused(ctx context.Context, lost api.Organization, move bool) error {
	org := lost.ExternalID
	err := a.Session.ConfirmSession(ctx)
	switch {
	case errors.Is(err, auth.ErrTokenFromEnvironment):
		return a.signOutRevoked(ctx) // PANEL_TOKEN cannot be asked about: the API's word stands
	case errors.Is(err, auth.ErrLoginRequired), errors.Is(err, auth.ErrSessionRevoked):
		return a.signOutRevoked(ctx)
	case err != nil:
		// Nothing is decided: keep the session, say what is known.
		return fmt.Errorf("the API refused this session for %s, and WorkOS could not be asked whether it was revoked: %w", org, err)
	}
	if known, ok := a.KnownOrganization(org); ok && known.ExternalID == org && lost.Name == "" {
		lost = *known
	}
	a.API.Cache().InvalidateAll()
	_ = a.Store.ForgetKnownOrganization(org)
	_ = a.Store.Update(func(st *store.State) {
		st.ForgetOrganization(org)
		if st.Last.Organization != nil && st.Last.Organization.ExternalID == org {
			st.Last.Organization, st.Last.Project = nil, nil
		}
	})
	res := &MembershipLostError{Organization: lost}
	if !move {
		return res
	}
	if next := a.nextOrganization(ctx, org); next != nil {
		if sw, err := a.switchOrganization(ctx, *next, nil, false); err == nil {
			res.SwitchedTo = sw
		}
	}
	return res
}
