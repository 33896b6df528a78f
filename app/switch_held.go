package app

import (
	"context"
	"errors"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/auth"
)

// A switch back to an organization whose token the session still holds, valid, makes no refresh: the
// organization read that follows every switch is then the only round trip, and the session check (B10).
// When that read refuses the token (403: a revoked session or a lost membership), the held token proved
// nothing: the switch is undone and made again as if no token were held, so WorkOS judges with a refresh,
// and every outcome is the one a switch without a held token has.

// errHeldTokenRefused: the session check refused the token a switch held.
var errHeldTokenRefused = errors.New("the organization refused the held token")

// switchAfterRefusedToken undoes sw (the session and the stored default back in sw.From, shown so at
// once), then switches again with a refresh. A refresh that WorkOS refuses as a stored session it no
// longer accepts, after the API refused the session, is the session revoked (B10).
func (a *App) switchAfterRefusedToken(ctx context.Context, target api.Organization, sw *auth.Switch, progress func(SwitchProgress)) (*SwitchResult, error) {
	if err := sw.Undo(ctx); err != nil {
		return nil, err
	}
	a.API.Cache().InvalidateAll()
	if progress != nil {
		back := api.Organization{ExternalID: sw.From}
		if o, ok := a.KnownOrganization(sw.From); ok {
			back = *o
		}
		progress(SwitchProgress{Step: SwitchTokenReady, Organization: back})
	}
	res, err := a.SwitchOrganization(ctx, target, progress)
	if errors.Is(err, auth.ErrLoginRequired) {
		return nil, a.signOutRevoked(ctx)
	}
	return res, err
}
