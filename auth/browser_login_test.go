package auth_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
)

func TestBrowserLoginStoresTheSession(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	s := newSession(t, srv)
	if _, err := s.Info(ctxT(t)); !errors.Is(err, auth.ErrLoginRequired) {
		t.Fatalf("Info before sign-in = %v, want ErrLoginRequired", err)
	}
	res := loginBrowser(t, s, auth.LoginOptions{Email: "alice@example.com"})
	if res.Info.Email != "alice@example.com" || res.Info.OrganizationID != "org_acme" || res.Info.SessionID == "" {
		t.Fatalf("signed in as %+v, want alice in org_acme with a session", res.Info)
	}
	if res.Info.Storage != auth.StorageFile || !time.Now().Before(res.Info.ExpiresAt) {
		t.Fatalf("info = %+v", res.Info)
	}
	// What was stored serves a new process (a new Session over the same profile).
	info, err := s.Info(ctxT(t))
	if err != nil || info.Email != "alice@example.com" {
		t.Fatalf("Info after sign-in = %+v, %v", info, err)
	}
	if tok, err := s.Token(ctxT(t)); err != nil || strings.Count(tok, ".") != 2 {
		t.Fatalf("Token = %v (a JWT expected)", err)
	}
}

func TestAuthorizeURLIsAuthKitWithPKCEAndState(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	s := newSession(t, srv)
	bl, err := s.BeginBrowserLogin(ctxT(t), auth.LoginOptions{SignUp: true, Email: "new@example.com",
		OrganizationID: "org_globex", Next: "/orgs"})
	if err != nil {
		t.Fatal(err)
	}
	defer bl.Close()
	q := queryOf(t, bl.URL())
	want := map[string]string{"provider": "authkit", "code_challenge_method": "S256", "client_id": srv.ClientID,
		"screen_hint": "sign-up", "login_hint": "new@example.com", "organization_id": "org_globex",
		"redirect_uri": bl.RedirectURI(), "response_type": "code"}
	for k, v := range want {
		if q.Get(k) != v {
			t.Errorf("%s = %q, want %q", k, q.Get(k), v)
		}
	}
	if len(q.Get("code_challenge")) != 43 || len(q.Get("state")) < 32 {
		t.Errorf("challenge %q / state %q too short", q.Get("code_challenge"), q.Get("state"))
	}
	if !strings.HasPrefix(bl.RedirectURI(), "http://127.0.0.1:") || !strings.HasSuffix(bl.RedirectURI(), "/callback") {
		t.Errorf("redirect URI %s is not a 127.0.0.1 callback", bl.RedirectURI())
	}
	if !strings.HasPrefix(bl.URL(), srv.AuthURL+"/user_management/authorize?") {
		t.Errorf("URL %s is not the emulator's authorize endpoint", bl.URL())
	}
}

func TestNextSurvivesTheRoundTrip(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	s := newSession(t, srv)
	res := loginBrowser(t, s, auth.LoginOptions{Next: "invitations/received?id=42"})
	if res.Next != "invitations/received?id=42" {
		t.Fatalf("Next = %q", res.Next)
	}
}

func TestSignUpCreatesAUserWithoutOrganization(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	s := newSession(t, srv)
	res := loginBrowser(t, s, auth.LoginOptions{SignUp: true, Email: "newcomer@example.com"})
	if res.Info.Email != "newcomer@example.com" || res.Info.OrganizationID != "" {
		t.Fatalf("signed up as %+v, want newcomer without organization", res.Info)
	}
	if _, err := s.Token(ctxT(t)); err != nil {
		t.Fatalf("Token of an organization-less session: %v", err)
	}
}

func TestServerErrorEndsTheSignIn(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	s := newSession(t, srv)
	bl, err := s.BeginBrowserLogin(ctxT(t), auth.LoginOptions{Email: "nobody@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	defer bl.Close()
	tab := browseAsync(bl.URL())
	_, err = bl.Wait(ctxT(t))
	var ref *auth.RefusedError
	if !errors.As(err, &ref) || ref.Code != "access_denied" || !strings.Contains(err.Error(), "nobody@example.com") {
		t.Fatalf("Wait = %v, want the server's access_denied", err)
	}
	if p := <-tab; !strings.Contains(p.body, "Sign-in failed") {
		t.Errorf("the tab shows %q", p.body)
	}
	if _, err := s.Info(ctxT(t)); !errors.Is(err, auth.ErrLoginRequired) {
		t.Fatalf("a refused sign-in stored something: %v", err)
	}
}

func TestSignInTimesOut(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	s := newSession(t, srv)
	bl, err := s.BeginBrowserLogin(ctxT(t), auth.LoginOptions{Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer bl.Close()
	if _, err := bl.Wait(ctxT(t)); !errors.Is(err, auth.ErrLoginTimeout) {
		t.Fatalf("Wait = %v, want ErrLoginTimeout", err)
	}
}

func TestPastedRedirectFinishesTheSignIn(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	s := newSession(t, srv)
	bl, err := s.BeginBrowserLogin(ctxT(t), auth.LoginOptions{Email: "bob@example.com", Next: "home"})
	if err != nil {
		t.Fatal(err)
	}
	defer bl.Close()
	// The browser is elsewhere: its redirect to 127.0.0.1 fails, the address bar keeps it.
	address := redirectOf(t, bl.URL())
	for _, bad := range []string{"", "hello", strings.Replace(address, "state=", "state=x", 1),
		strings.Replace(address, "/callback", "/elsewhere", 1)} {
		if err := bl.SubmitRedirect(bad); err == nil {
			t.Errorf("SubmitRedirect(%q) accepted", bad)
		}
	}
	callbackAt := time.Now()
	if err := bl.SubmitRedirect("  " + address + "\n"); err != nil {
		t.Fatalf("SubmitRedirect: %v", err)
	}
	if err := bl.SubmitRedirect(address); err == nil {
		t.Error("the same redirect was accepted twice")
	}
	res, err := bl.Wait(ctxT(t))
	if err != nil {
		t.Fatalf("Wait: %v", err)
	}
	if res.Info.Email != "bob@example.com" || res.Next != "home" {
		t.Fatalf("result = %+v", res)
	}
	t.Logf("callback to tokens stored in the 0600 file: %s", res.StoredAt.Sub(callbackAt))
}

func TestPastedQueryWithoutAddressWorks(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	s := newSession(t, srv)
	bl, err := s.BeginBrowserLogin(ctxT(t), auth.LoginOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer bl.Close()
	address := redirectOf(t, bl.URL())
	if err := bl.SubmitRedirect(address[strings.Index(address, "?"):]); err != nil {
		t.Fatalf("SubmitRedirect(query): %v", err)
	}
	if _, err := bl.Wait(ctxT(t)); err != nil {
		t.Fatal(err)
	}
}

// A sign-in that names an organization lands in it, and the result says
// which organization was asked for (carried through the state, B28).
func TestBrowserLoginIntoTheOrganizationAskedFor(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	s := newSession(t, srv)
	res := loginBrowser(t, s, auth.LoginOptions{Email: "alice@example.com", OrganizationID: "org_globex", Next: "members"})
	if res.Info.OrganizationID != "org_globex" || res.AskedOrganization != "org_globex" || res.Next != "members" {
		t.Fatalf("signed in to %q (asked %q, next %q), want org_globex", res.Info.OrganizationID, res.AskedOrganization, res.Next)
	}
	res = loginBrowser(t, s, auth.LoginOptions{Email: "alice@example.com"})
	if res.Info.OrganizationID != "org_acme" || res.AskedOrganization != "" {
		t.Fatalf("without an organization: in %q, asked %q", res.Info.OrganizationID, res.AskedOrganization)
	}
}
