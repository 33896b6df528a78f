package app

import (
	"context"
	"errors"

	"github.com/panel-dev/panel/auth"
)

// A command's work and the session check (B10) run together, and which of
// their results the user is told is a product rule: it lives here, for every
// command alike.

// ReadChecked runs read alongside the session check. A revoked session wins
// over whatever read did: the user has been signed out, and the error is
// auth.ErrSessionRevoked; so does a lost membership (*MembershipLostError).
// Otherwise the result is read's own (a check that
// failed for another reason, such as the network, leaves it alone).
func (a *App) ReadChecked(ctx context.Context, read func(context.Context) error) error {
	checked := make(chan error, 1)
	go func() {
		_, err := a.CheckSession(ctx)
		checked <- err
	}()
	readErr := read(ctx)
	if err := <-checked; errors.Is(err, auth.ErrSessionRevoked) || isMembershipLost(err) {
		return err
	}
	return readErr
}

// isMembershipLost: the organization the command ran for is not the user's any more; whatever the command
// did there, this is what the user needs to hear (the session has moved).
func isMembershipLost(err error) bool {
	var lost *MembershipLostError
	return errors.As(err, &lost)
}

// WriteChecked checks the session first and writes only on behalf of a live
// session: nothing is changed for a revoked one (auth.ErrSessionRevoked),
// in an organization that is not the user's any more (*MembershipLostError:
// the session moved elsewhere) or when nobody is signed in. A check that failed for another reason leaves the
// write to succeed or fail on its own.
func (a *App) WriteChecked(ctx context.Context, write func(context.Context) error) error {
	if _, err := a.CheckSession(ctx); errors.Is(err, auth.ErrSessionRevoked) || errors.Is(err, auth.ErrLoginRequired) ||
		isMembershipLost(err) {
		return err
	}
	return write(ctx)
}
