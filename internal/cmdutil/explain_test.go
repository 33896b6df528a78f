package cmdutil

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
)

// auth and app state what happened; the CLI adds the command that helps, wherever the error was
// wrapped, and the exit code scripts rely on.
func TestErrorsSayWhichCommandHelps(t *testing.T) {
	refused := &app.SwitchRefusedError{Organization: api.Organization{Name: "globex", ExternalID: "org_globex"},
		Err: &auth.RefusedError{Code: "sso_required"}}
	for _, c := range []struct {
		err  error
		want string
		code int
	}{
		{auth.ErrLoginRequired, "not signed in (run `panel login`)", ExitNotSignedIn},
		{fmt.Errorf("%w: WorkOS no longer accepts the stored session", auth.ErrLoginRequired), "(run `panel login`)", ExitNotSignedIn},
		{auth.ErrSessionRevoked, "the session was revoked: sign in again (run `panel login`)", ExitNotSignedIn},
		{&auth.UnreadableSessionError{Path: "/p/tokens.json"}, "the token file /p/tokens.json is unreadable; run `panel login`", ExitFailure},
		{&auth.UnreadableSessionError{}, "the stored session is unreadable; run `panel login`", ExitFailure},
		{refused, "cannot switch to globex without signing in again (WorkOS refused: sso_required): " +
			"run `panel login --organization-id org_globex`", ExitFailure},
		{fmt.Errorf("organization globex created, but switching into it failed: %w", refused),
			"run `panel login --organization-id org_globex`", ExitFailure},
		{app.ErrNoOrganization, "no current organization: accept an invitation (`panel invitations received`) " +
			"or create one (`panel orgs create <name>`)", ExitFailure},
		{errors.New("something else"), "something else", ExitFailure},
	} {
		var out strings.Builder
		code := ReportError(&IOStreams{ErrOut: &out}, c.err)
		if !strings.Contains(out.String(), c.want) || code != c.code {
			t.Errorf("%v: said %q (exit %d), want %q (exit %d)", c.err, out.String(), code, c.want, c.code)
		}
	}
}
