package auth_test

import (
	"testing"
	"time"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
)

// Switching back to an organization whose access token the session holds, still valid, sends nothing to
// WorkOS: support staff toggling two customers pay the organization read only. The stored default follows,
// so another process starts there, also without a refresh.
func TestSwitchBackWithAHeldTokenSendsNoRefresh(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	dir := t.TempDir()
	inDir := func(o *auth.Options) { o.ProfileDir = dir }
	s := newSession(t, srv, inDir)
	loginBrowser(t, s, auth.LoginOptions{Email: "alice@example.com"})
	acmeToken, _ := s.Token(ctxT(t))
	if err := s.SwitchOrganization(ctxT(t), "org_globex"); err != nil {
		t.Fatal(err)
	}
	globexToken, _ := s.Token(ctxT(t))

	before := countAuthenticate(t, srv)
	for i, want := range []struct{ org, token string }{{"org_acme", acmeToken}, {"org_globex", globexToken}, {"org_acme", acmeToken}} {
		sw, err := s.StartSwitch(ctxT(t), want.org)
		if err != nil {
			t.Fatalf("switch %d to %s: %v", i, want.org, err)
		}
		if tok, err := s.Token(ctxT(t)); err != nil || tok != want.token {
			t.Fatalf("switch %d to %s: the held token is not the one served (%v)", i, want.org, err)
		}
		if err := sw.Wait(); err != nil {
			t.Fatalf("switch %d: Wait: %v", i, err)
		}
	}
	if n := countAuthenticate(t, srv) - before; n != 0 {
		t.Fatalf("three switches between two held organizations made %d WorkOS authenticate calls, want 0", n)
	}

	other := newSession(t, srv, inDir)
	info, err := other.Info(ctxT(t))
	if err != nil || info.DefaultOrganizationID != "org_acme" {
		t.Fatalf("stored default after switching back = %+v, %v", info, err)
	}
	if tok, err := other.Token(ctxT(t)); err != nil || tok != acmeToken {
		t.Fatalf("another process after the switch back: %v", err)
	}
	sw, err := other.StartSwitch(ctxT(t), "org_globex") // a new process holds globex's token in the store
	if err != nil || sw.Wait() != nil {
		t.Fatalf("another process switching to globex: %v", err)
	}
	if n := countAuthenticate(t, srv) - before; n != 0 {
		t.Fatalf("another process made %d WorkOS authenticate calls, want 0", n)
	}
}

// A held token inside the refresh margin is not used for a switch: the switch refreshes as any other.
func TestSwitchBackToATokenDueRefreshes(t *testing.T) {
	srv := startEmulator(t, emulator.Options{AccessTokenTTL: 12 * time.Second})
	s := newSession(t, srv)
	loginBrowser(t, s, auth.LoginOptions{Email: "alice@example.com"})
	acmeToken, _ := s.Token(ctxT(t))
	if err := s.SwitchOrganization(ctxT(t), "org_globex"); err != nil {
		t.Fatal(err)
	}
	waitForRefreshDue(t, s) // globex's token came after acme's: acme's is due too
	before := countAuthenticate(t, srv)
	if err := s.SwitchOrganization(ctxT(t), "org_acme"); err != nil {
		t.Fatal(err)
	}
	if n := countAuthenticate(t, srv) - before; n != 1 {
		t.Fatalf("switch back with a token due: %d authenticate calls, want 1", n)
	}
	if tok, _ := s.Token(ctxT(t)); tok == acmeToken || orgOfToken(t, tok) != "org_acme" {
		t.Fatal("the switch kept the token that was due")
	}
}

// A process pinned to an organization (--organization-id) switches back with its held token and leaves
// the stored default alone.
func TestPinnedSwitchBackKeepsTheDefault(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	dir := t.TempDir()
	inDir := func(o *auth.Options) { o.ProfileDir = dir }
	loginBrowser(t, newSession(t, srv, inDir), auth.LoginOptions{Email: "alice@example.com"})
	pinned := newSession(t, srv, inDir, func(o *auth.Options) { o.Organization = "org_globex" })
	if _, err := pinned.Token(ctxT(t)); err != nil {
		t.Fatal(err)
	}
	if err := pinned.SwitchOrganization(ctxT(t), "org_acme"); err != nil {
		t.Fatal(err)
	}
	before := countAuthenticate(t, srv)
	if err := pinned.SwitchOrganization(ctxT(t), "org_globex"); err != nil {
		t.Fatal(err)
	}
	if n := countAuthenticate(t, srv) - before; n != 0 {
		t.Fatalf("pinned switch back: %d authenticate calls, want 0", n)
	}
	info, err := newSession(t, srv, inDir).Info(ctxT(t))
	if err != nil || info.DefaultOrganizationID != "org_acme" {
		t.Fatalf("default after a pinned process switched = %+v, %v", info, err)
	}
}
