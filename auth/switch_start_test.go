package auth_test

import (
	"testing"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
)

// StartSwitch hands the new organization's token to this process at once and
// says where the session was; once Wait returns, another process of the
// profile finds the new session stored, without a refresh of its own.
func TestStartSwitchServesTheTokenThenStoresIt(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	dir := t.TempDir()
	inDir := func(o *auth.Options) { o.ProfileDir = dir }
	s := newSession(t, srv, inDir)
	loginBrowser(t, s, auth.LoginOptions{Email: "alice@example.com"})
	sw, err := s.StartSwitch(ctxT(t), "org_globex")
	if err != nil {
		t.Fatal(err)
	}
	if sw.From != "org_acme" {
		t.Errorf("From = %q, want org_acme", sw.From)
	}
	tok, err := s.Token(ctxT(t))
	if err != nil || orgOfToken(t, tok) != "org_globex" {
		t.Fatalf("token during the switch's writes: %v", err)
	}
	if err := sw.Wait(); err != nil {
		t.Fatalf("Wait: %v", err)
	}
	before := countAuthenticate(t, srv)
	other := newSession(t, srv, inDir)
	tok2, err := other.Token(ctxT(t))
	if err != nil || tok2 != tok {
		t.Fatalf("another process after the switch: same token %v, %v", tok2 == tok, err)
	}
	if n := countAuthenticate(t, srv) - before; n != 0 {
		t.Errorf("another process refreshed %d times: the switch's token was not stored", n)
	}
	info, _ := other.Info(ctxT(t))
	if info.DefaultOrganizationID != "org_globex" {
		t.Errorf("stored default = %q, want org_globex", info.DefaultOrganizationID)
	}
}
