package auth_test

import (
	"errors"
	"testing"

	"github.com/golang-jwt/jwt/v5"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
)

// orgOfToken reads the org_id claim of an access token.
func orgOfToken(t *testing.T, tok string) string {
	t.Helper()
	mc := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(tok, mc); err != nil {
		t.Fatalf("not a JWT: %v", err)
	}
	org, _ := mc["org_id"].(string)
	return org
}

func TestOrganizationSelectionRequired(t *testing.T) {
	srv := startEmulator(t, emulator.Options{OrganizationSelectionRequired: true})
	s := newSession(t, srv)
	sel := selectionRequired(t, s, auth.LoginOptions{Email: "alice@example.com", Next: "projects"})
	if len(sel.Organizations) < 2 || sel.Next != "projects" {
		t.Fatalf("selection = %+v", sel)
	}
	res, err := s.ChooseOrganization(ctxT(t), sel, "org_globex")
	if err != nil {
		t.Fatalf("ChooseOrganization: %v", err)
	}
	if res.Info.OrganizationID != "org_globex" || res.Next != "projects" {
		t.Fatalf("result = %+v", res)
	}
}

// When the selection grant is refused (to a keyless client), the browser sign-in restarts with the chosen
// organization and finishes there (B3a: never a dead end).
func TestOrganizationSelectionRefusedFallsBackToTheBrowser(t *testing.T) {
	srv := startEmulator(t, emulator.Options{OrganizationSelectionRequired: true})
	s := newSession(t, srv)
	sel := selectionRequired(t, s, auth.LoginOptions{Email: "alice@example.com"})
	hook(t, srv, "faults", map[string]any{"method": "POST", "path": "/user_management/authenticate", "status": 401,
		"content_type": "application/json", "count": 1,
		"body": `{"code":"invalid_client","message":"This grant requires a client secret."}`})
	_, err := s.ChooseOrganization(ctxT(t), sel, "org_globex")
	var ref *auth.RefusedError
	if !errors.As(err, &ref) || ref.Code != "invalid_client" || ref.Description == "" {
		t.Fatalf("ChooseOrganization = %v, want the {code, message} refusal", err)
	}
	res := loginBrowser(t, s, auth.LoginOptions{Email: "alice@example.com", OrganizationID: "org_globex"})
	if res.Info.OrganizationID != "org_globex" {
		t.Fatalf("fallback signed in to %q", res.Info.OrganizationID)
	}
}

func selectionRequired(t *testing.T, s *auth.Session, o auth.LoginOptions) *auth.OrganizationSelectionRequired {
	t.Helper()
	bl, err := s.BeginBrowserLogin(ctxT(t), o)
	if err != nil {
		t.Fatal(err)
	}
	defer bl.Close()
	tab := browseAsync(bl.URL())
	_, err = bl.Wait(ctxT(t))
	var sel *auth.OrganizationSelectionRequired
	if !errors.As(err, &sel) {
		t.Fatalf("Wait = %v, want organization_selection_required", err)
	}
	<-tab
	return sel
}

func TestSwitchOrganization(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	s := newSession(t, srv)
	loginBrowser(t, s, auth.LoginOptions{Email: "alice@example.com"})
	if err := s.SwitchOrganization(ctxT(t), "org_globex"); err != nil {
		t.Fatalf("switch: %v", err)
	}
	tok, err := s.Token(ctxT(t))
	if err != nil || orgOfToken(t, tok) != "org_globex" {
		t.Fatalf("token after switch: %v", err)
	}
	info, _ := s.Info(ctxT(t))
	if info.OrganizationID != "org_globex" || info.DefaultOrganizationID != "org_globex" {
		t.Fatalf("info after switch = %+v", info)
	}

	// Refused: not a member. The session stays where it was.
	err = s.SwitchOrganization(ctxT(t), "org_umbrella")
	var ref *auth.RefusedError
	if !errors.As(err, &ref) || ref.Code != "organization_membership_not_found" {
		t.Fatalf("switch to a foreign org = %v", err)
	}
	if tok, err := s.Token(ctxT(t)); err != nil || orgOfToken(t, tok) != "org_globex" {
		t.Fatalf("session after a refused switch: %v", err)
	}

	// Any other refusal (sso_required here) → the browser sign-in into that organization (one whose
	// token the session does not hold yet: switching back to acme needs no refresh).
	hook(t, srv, "faults", map[string]any{"method": "POST", "path": "/user_management/authenticate", "status": 400,
		"content_type": "application/json", "count": 1,
		"body": `{"error":"sso_required","error_description":"This organization requires SSO."}`})
	err = s.SwitchOrganization(ctxT(t), "org_initech")
	if !errors.As(err, &ref) || ref.Code != "sso_required" {
		t.Fatalf("switch = %v, want sso_required", err)
	}
	res := loginBrowser(t, s, auth.LoginOptions{Email: "alice@example.com", OrganizationID: "org_initech"})
	if res.Info.OrganizationID != "org_initech" {
		t.Fatalf("fallback sign-in landed in %q", res.Info.OrganizationID)
	}
}

// --organization-id scopes one process: its switch leaves the stored default alone.
func TestPerProcessOrganizationKeepsTheDefault(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	dir := t.TempDir()
	inDir := func(o *auth.Options) { o.ProfileDir = dir }
	loginBrowser(t, newSession(t, srv, inDir), auth.LoginOptions{Email: "alice@example.com"})
	pinned := newSession(t, srv, inDir, func(o *auth.Options) { o.Organization = "org_globex" })
	tok, err := pinned.Token(ctxT(t))
	if err != nil || orgOfToken(t, tok) != "org_globex" {
		t.Fatalf("pinned token: %v", err)
	}
	if err := pinned.SwitchOrganization(ctxT(t), "org_initech"); err != nil && !isRefusal(err) {
		t.Fatalf("pinned switch: %v", err)
	}
	other := newSession(t, srv, inDir)
	info, err := other.Info(ctxT(t))
	if err != nil || info.OrganizationID != "org_acme" {
		t.Fatalf("default after a pinned process switched = %+v, %v", info, err)
	}
	if tok, err := other.Token(ctxT(t)); err != nil || orgOfToken(t, tok) != "org_acme" {
		t.Fatalf("default process token: %v", err)
	}
}

func isRefusal(err error) bool {
	var ref *auth.RefusedError
	return errors.As(err, &ref)
}
