package app_test

import (
	"errors"
	"net/http"
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/store"
)

func TestCheckSessionRevokedSignsOut(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	if org, err := e.app.CheckSession(ctx(t)); err != nil || org.Name != "acme" {
		t.Fatalf("check: %+v %v", org, err)
	}
	e.hook(http.MethodPost, "sessions/revoke", map[string]any{"email": "alice@example.com"})
	_, err := e.app.CheckSession(ctx(t))
	if !errors.Is(err, auth.ErrSessionRevoked) {
		t.Fatalf("err = %v, want ErrSessionRevoked", err)
	}
	if _, err := e.app.Session.Info(ctx(t)); !errors.Is(err, auth.ErrLoginRequired) {
		t.Errorf("tokens kept after revocation: %v", err)
	}
	st, _ := e.app.Store.Load()
	if st.Last.User != nil || st.Last.Organization != nil {
		t.Errorf("last known kept after sign-out: %+v", st.Last)
	}
}

func TestCheckSessionLockedAccountKeepsTheSession(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	e.hook(http.MethodPost, "accounts/lock", map[string]any{"email": "alice@example.com"})
	_, err := e.app.CheckSession(ctx(t))
	if !api.IsAccountLocked(err) || errors.Is(err, auth.ErrSessionRevoked) {
		t.Fatalf("err = %v, want account locked", err)
	}
	if _, err := e.app.Session.Info(ctx(t)); err != nil {
		t.Errorf("signed out for a locked account: %v", err)
	}
}

func TestCheckSessionWithoutOrganizationIsOnboarding(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "carol@example.com") // no membership
	org, err := e.app.CheckSession(ctx(t))
	if err != nil || org != nil {
		t.Fatalf("check = %+v, %v; want (nil, nil)", org, err)
	}
	if p, err := e.app.CurrentProject(ctx(t)); err != nil || p != nil {
		t.Errorf("current project without org = %+v, %v", p, err)
	}
}

func TestStaleCurrentProjectIsReplacedByTheDefault(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	globexDefault := ""
	for _, p := range srv.State().Projects("org_globex") {
		if p.Name == "default" {
			globexDefault = p.ID
		}
	}
	for name, stale := range map[string]string{
		"deleted":        "6f9b8a57-0000-4000-8000-000000000000",
		"of another org": globexDefault,
	} {
		t.Run(name, func(t *testing.T) {
			e := newEnv(t, srv, "alice@example.com")
			if err := e.app.Store.Update(func(st *store.State) { st.SetCurrentProject("org_acme", stale) }); err != nil {
				t.Fatal(err)
			}
			p, err := e.app.CurrentProject(ctx(t))
			if err != nil {
				t.Fatal(err)
			}
			acme, _ := srv.State().Organization("org_acme")
			if p == nil || p.ID != acme.DefaultProjectID {
				t.Errorf("current project = %+v, want acme's default", p)
			}
			if got := e.app.Store.CurrentProject("org_acme"); got != acme.DefaultProjectID {
				t.Errorf("stored current project = %q", got)
			}
			// Later calls carry acme's default, never the stale id.
			e.clearRequests()
			if _, err := e.app.API.ListProjects(ctx(t), api.ListProjectsParams{}); err != nil {
				t.Fatal(err)
			}
			for _, r := range e.requests() {
				if isAPI(r) && r.ProjectHeader != acme.DefaultProjectID {
					t.Errorf("%s carried project %q", r.Path, r.ProjectHeader)
				}
			}
		})
	}
}

func TestSignOutDropsCacheAndLastKnown(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	if _, err := e.app.CheckSession(ctx(t)); err != nil {
		t.Fatal(err)
	}
	res, err := e.app.SignOut(ctx(t))
	if err != nil || !res.WasSignedIn || !res.ServerSessionEnded {
		t.Fatalf("sign out: %+v %v", res, err)
	}
	if n := e.app.API.Cache().Len(); n != 0 {
		t.Errorf("%d cached entries after sign-out", n)
	}
	if _, err := e.app.API.GetCurrentOrganization(ctx(t)); !errors.Is(err, auth.ErrLoginRequired) {
		t.Errorf("call after sign-out: %v", err)
	}
}

// For a token without an organization, any client error of the session check but 401, 403 and 429 is
// onboarding, as in the web panel (this API answers 404; another may answer 400 or 422). For a token with
// one, it stays an error.
func TestCheckSessionClientErrorsWithoutOrganizationAreOnboarding(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	carol := newEnv(t, srv, "carol@example.com") // no membership
	for _, status := range []int{400, 409, 410, 422} {
		carol.hook(http.MethodPost, "faults", map[string]any{"method": "GET", "path": "/v1/account/organization",
			"status": status, "count": 1, "body": `{"status":400,"code":"invalid_argument","message":"no organization in the token"}`})
		if org, err := carol.app.CheckSession(ctx(t)); err != nil || org != nil {
			t.Errorf("HTTP %d for a token without organization: %+v, %v; want onboarding (nil, nil)", status, org, err)
		}
	}
	for _, status := range []int{401, 429} {
		carol.hook(http.MethodPost, "faults", map[string]any{"method": "GET", "path": "/v1/account/organization",
			"status": status, "count": 4, "body": `{"status":0,"code":"x","message":"not about the organization"}`})
		if _, err := carol.app.CheckSession(ctx(t)); err == nil {
			t.Errorf("HTTP %d was read as onboarding", status)
		}
		carol.hook(http.MethodDelete, "faults", nil)
	}

	alice := newEnv(t, srv, "alice@example.com")
	alice.hook(http.MethodPost, "faults", map[string]any{"method": "GET", "path": "/v1/account/organization",
		"status": 400, "count": 1, "body": `{"status":400,"code":"invalid_argument","message":"bad request"}`})
	if _, err := alice.app.CheckSession(ctx(t)); !api.IsValidation(err) {
		t.Fatalf("a 400 for a token with an organization: %v, want the error", err)
	}
}
