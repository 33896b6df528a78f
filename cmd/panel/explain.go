package main

import (
	"errors"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
)

// auth and app errors state facts: nobody is signed in, the session was
// revoked, which organization refused a switch. What to do about them is the
// CLI's to say, in its own commands; the TUI says it its own way.

// explain is err's text followed by what the user can run about it.
func explain(err error) string {
	return err.Error() + advice(err)
}

// advice names the command that helps with err ("" when there is none).
func advice(err error) string {
	var refused *app.SwitchRefusedError
	var unreadable *auth.UnreadableSessionError
	switch {
	case errors.Is(err, auth.ErrSessionRevoked):
		return ": sign in again (run `panel login`)"
	case errors.Is(err, auth.ErrLoginRequired):
		return " (run `panel login`)"
	case errors.As(err, &unreadable):
		return "; run `panel login`"
	case errors.As(err, &refused):
		return ": run `panel login --organization-id " + refused.Organization.ExternalID + "`"
	case errors.Is(err, app.ErrNoOrganization):
		return ": accept an invitation (`panel invitations received`) or create one (`panel orgs create <name>`)"
	}
	return ""
}

func init() {
	// Signed out or revoked: exit 4, as scripts expect.
	exitClassifiers = append(exitClassifiers, func(err error) (int, bool) {
		if errors.Is(err, auth.ErrLoginRequired) || errors.Is(err, auth.ErrSessionRevoked) {
			return exitNotSignedIn, true
		}
		return 0, false
	})
}
