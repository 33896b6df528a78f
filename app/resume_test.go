package app_test

import (
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
)

// After a revocation the next sign-in asks for the organization the user was
// in, and lands there (B28); a sign-out the user asked for forgets it.
func TestSignInAfterARevocationAsksForTheOrganization(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	cx := ctx(t)
	if _, err := e.app.SwitchOrganization(cx, e.org("globex"), nil); err != nil {
		t.Fatal(err)
	}
	if o := e.app.ResumeOrganization(cx); o == nil || o.ExternalID != "org_globex" || o.Name != "globex" {
		t.Fatalf("while signed in: %+v, want globex (login --force asks for it)", o)
	}
	e.hook(http.MethodPost, "sessions/revoke", map[string]any{"email": "alice@example.com"})
	if _, err := e.app.CheckSession(cx); !errors.Is(err, auth.ErrSessionRevoked) {
		t.Fatalf("check after the revocation: %v", err)
	}
	was := e.app.ResumeOrganization(cx)
	if was == nil || was.ExternalID != "org_globex" || was.Name != "globex" {
		t.Fatalf("after the revocation: %+v, want globex", was)
	}
	res := e.signInWith(auth.LoginOptions{Email: "alice@example.com", OrganizationID: was.ExternalID})
	if res.Info.OrganizationID != "org_globex" || res.AskedOrganization != "org_globex" {
		t.Fatalf("signed in to %q (asked %q), want org_globex", res.Info.OrganizationID, res.AskedOrganization)
	}
	org, err := e.app.CheckSession(cx)
	if err != nil || org.ExternalID != "org_globex" || app.OrganizationChange(was, org) != "" {
		t.Fatalf("landed in %+v (%v)", org, err)
	}

	if _, err := e.app.SignOut(cx); err != nil {
		t.Fatal(err)
	}
	if o := e.app.ResumeOrganization(cx); o != nil {
		t.Errorf("after a sign-out the user asked for: %+v, want none", o)
	}
}

// A sign-in that was refused the organization it asked for (the user left
// it meanwhile) is refused by WorkOS; signed in without it, the change is
// told.
func TestSignInIntoAnOrganizationLeftMeanwhile(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	cx := ctx(t)
	if _, err := e.app.SwitchOrganization(cx, e.org("globex"), nil); err != nil {
		t.Fatal(err)
	}
	e.hook(http.MethodPost, "sessions/revoke", map[string]any{"email": "alice@example.com"})
	_, _ = e.app.CheckSession(cx)
	e.hook(http.MethodPost, "memberships/remove", map[string]string{"email": "alice@example.com", "organization_id": "org_globex"})
	was := e.app.ResumeOrganization(cx)
	bl, err := e.app.BeginBrowserSignIn(cx, auth.LoginOptions{Email: "alice@example.com", OrganizationID: was.ExternalID})
	if err != nil {
		t.Fatal(err)
	}
	go browse(bl.URL())
	_, err = bl.Wait(cx)
	_ = bl.Close()
	var refused *app.RefusedError
	if !errors.As(err, &refused) {
		t.Fatalf("err = %v, want WorkOS's refusal", err)
	}
	e.signInWith(auth.LoginOptions{Email: "alice@example.com"})
	org, err := e.app.CheckSession(cx)
	if err != nil {
		t.Fatal(err)
	}
	if got := app.OrganizationChange(was, org); got != "Now in acme, was globex." {
		t.Errorf("change = %q", got)
	}
}

func TestOrganizationChangeSaysWhereAndWhence(t *testing.T) {
	umbrella := &api.Organization{ExternalID: "org_umbrella", Name: "umbrella"}
	acme := &api.Organization{ExternalID: "org_acme", Name: "acme"}
	for _, c := range []struct {
		asked, landed *api.Organization
		want          string
	}{
		{nil, acme, ""},
		{umbrella, &api.Organization{ExternalID: "org_umbrella"}, ""},
		{umbrella, acme, "Now in acme, was umbrella."},
		{umbrella, nil, "Now in no organization, was umbrella."},
		{&api.Organization{ExternalID: "org_umbrella"}, acme, "Now in acme, was org_umbrella."},
	} {
		if got := app.OrganizationChange(c.asked, c.landed); got != c.want {
			t.Errorf("OrganizationChange(%v, %v) = %q, want %q", c.asked, c.landed, got, c.want)
		}
	}
}

func TestOrganizationRefusedIsTheAuthorizeStepsRefusal(t *testing.T) {
	for _, c := range []struct {
		err  error
		want bool
	}{
		{&auth.RefusedError{Code: "access_denied", Description: "alice is not a member of organization org_globex"}, true},
		{&auth.RefusedError{Status: 403, Code: "organization_membership_not_found"}, true},
		{fmt.Errorf("exchange the sign-in code: %w", &auth.RefusedError{Status: 400, Code: "invalid_grant"}), false},
		{errors.New("timed out"), false},
	} {
		if got := app.OrganizationRefused(c.err); got != c.want {
			t.Errorf("OrganizationRefused(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}
