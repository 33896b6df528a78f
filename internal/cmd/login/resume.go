package login

import (
	"context"
	"fmt"
	"io"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/internal/termsafe"
)

// A sign-in that replaces a session (`login --force`, or after a
// revocation) asks for the organization the user was in, and says so when it
// lands elsewhere (B28).

// resumeOrganization sets lo's organization to the one the user was in,
// unless the command named one or signs a new account up; it returns it
// (nil: none).
func resumeOrganization(ctx context.Context, opts *Options, s *auth.Session, lo *auth.LoginOptions) *api.Organization {
	if lo.OrganizationID != "" || lo.SignUp || opts.Store == nil {
		return nil
	}
	st, err := opts.Store()
	if err != nil {
		return nil
	}
	o := app.ResumeOrganizationOf(ctx, s, st)
	if o != nil {
		lo.OrganizationID = o.ExternalID
		if !opts.Device { // a device code cannot name an organization: where it lands is said after
			fmt.Fprintf(opts.IO.ErrOut, "Signing in to %s, the organization you were in.\n", organizationName(o))
		}
	}
	return o
}

// refusedSignIn reports WorkOS refusing the organization the sign-in asked
// for (the user is no longer a member).
func refusedSignIn(err error) bool { return app.OrganizationRefused(err) }

// signInWithoutResuming signs in again without naming the organization
// WorkOS refused.
func signInWithoutResuming(ctx context.Context, opts *Options, s *auth.Session, lo auth.LoginOptions,
	lines <-chan string, resumed *api.Organization, refusal error) (*auth.Result, error) {
	fmt.Fprintf(opts.IO.ErrOut, "%s refused the sign-in (%s). Signing in without it.\n",
		organizationName(resumed), termsafe.Line(refusal.Error()))
	lo.OrganizationID = ""
	return signIn(ctx, opts, s, lo, lines)
}

// sayOrganizationChange tells the user a sign-in did not land in the
// organization they were in.
func sayOrganizationChange(w io.Writer, resumed *api.Organization, landed string) {
	var now *api.Organization
	if landed != "" {
		now = &api.Organization{ExternalID: landed}
	}
	if change := app.OrganizationChange(resumed, now); change != "" {
		fmt.Fprintln(w, termsafe.Line(change))
	}
}

func organizationName(o *api.Organization) string {
	if o.Name != "" {
		return termsafe.Line(o.Name) + " (" + termsafe.Line(o.ExternalID) + ")"
	}
	return termsafe.Line(o.ExternalID)
}
