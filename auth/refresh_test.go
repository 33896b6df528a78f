package auth_test

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
)

// waitForRefreshDue waits until the held token is inside the 10-second refresh margin.
func waitForRefreshDue(t *testing.T, s *auth.Session) {
	t.Helper()
	info, err := s.Info(ctxT(t))
	if err != nil {
		t.Fatal(err)
	}
	due := info.ExpiresAt.Add(-10 * time.Second)
	for deadline := time.Now().Add(time.Minute); time.Now().Before(due); {
		if time.Now().After(deadline) {
			t.Fatal("the token never became due")
		}
		time.Sleep(50 * time.Millisecond) // polling the clock: the condition is time itself
	}
}

func TestConcurrentCallersShareOneRefresh(t *testing.T) {
	srv := startEmulator(t, emulator.Options{AccessTokenTTL: 12 * time.Second})
	s := newSession(t, srv)
	loginBrowser(t, s, auth.LoginOptions{})
	first, _ := s.Token(ctxT(t))
	waitForRefreshDue(t, s)
	before := countAuthenticate(t, srv)
	var wg sync.WaitGroup
	tokens := make([]string, 20)
	errs := make([]error, 20)
	for i := range tokens {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tokens[i], errs[i] = s.Token(ctxT(t))
		}()
	}
	wg.Wait()
	for i := range tokens {
		if errs[i] != nil || tokens[i] != tokens[0] || tokens[i] == first {
			t.Fatalf("caller %d: err %v, same token as the others %v", i, errs[i], tokens[i] == tokens[0])
		}
	}
	if n := countAuthenticate(t, srv) - before; n != 1 {
		t.Fatalf("%d refreshes for 20 concurrent callers, want 1", n)
	}
}

// Two sessions of one profile pinned to two organizations, refreshing on every call (the token lifetime is
// inside the refresh margin), share one rotating refresh token without losing the session.
func TestTwoOrganizationsShareOneRotatingRefreshToken(t *testing.T) {
	srv := startEmulator(t, emulator.Options{AccessTokenTTL: 5 * time.Second})
	dir := t.TempDir()
	inDir := func(o *auth.Options) { o.ProfileDir = dir }
	loginBrowser(t, newSession(t, srv, inDir), auth.LoginOptions{Email: "alice@example.com"})
	var wg sync.WaitGroup
	for _, org := range []string{"org_acme", "org_globex"} {
		for range 3 {
			s := newSession(t, srv, inDir, func(o *auth.Options) { o.Organization = org })
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 4 {
					tok, err := s.Token(ctxT(t))
					if err != nil {
						t.Errorf("%s: %v", org, err)
						return
					}
					if got := orgOfToken(t, tok); got != org {
						t.Errorf("token of %s, want %s", got, org)
					}
				}
			}()
		}
	}
	wg.Wait()
	if _, err := newSession(t, srv, inDir).Token(ctxT(t)); err != nil {
		t.Fatalf("session after the race: %v", err)
	}
}

func TestRevokedSessionNeedsSignInAndIsCleared(t *testing.T) {
	srv := startEmulator(t, emulator.Options{AccessTokenTTL: 5 * time.Second})
	dir := t.TempDir()
	s := newSession(t, srv, func(o *auth.Options) { o.ProfileDir = dir })
	res := loginBrowser(t, s, auth.LoginOptions{})
	hook(t, srv, "sessions/revoke", map[string]string{"session_id": res.Info.SessionID})
	_, err := s.Token(ctxT(t))
	if !errors.Is(err, auth.ErrLoginRequired) {
		t.Fatalf("Token after revocation = %v, want ErrLoginRequired", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "tokens.json")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the refused session is still stored: %v", err)
	}
	if _, err := s.Info(ctxT(t)); !errors.Is(err, auth.ErrLoginRequired) {
		t.Fatalf("Info = %v", err)
	}
}

func TestNetworkFailureKeepsTheSession(t *testing.T) {
	srv := startEmulator(t, emulator.Options{AccessTokenTTL: 5 * time.Second})
	s := newSession(t, srv)
	loginBrowser(t, s, auth.LoginOptions{})
	hook(t, srv, "faults", map[string]any{"method": "POST", "path": "/user_management/authenticate", "status": 503, "count": 1})
	if _, err := s.Token(ctxT(t)); err == nil || errors.Is(err, auth.ErrLoginRequired) {
		t.Fatalf("Token during an outage = %v, want a plain error", err)
	}
	if _, err := s.Token(ctxT(t)); err != nil {
		t.Fatalf("Token after the outage: %v", err)
	}
}

// A session WorkOS refuses when asked whether it is alive was revoked: from then on, a request that finds no
// session says so (before anyone else calls MarkRevoked), not "sign in".
func TestRefusedConfirmationReadsAsRevokedAtOnce(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	s := newSession(t, srv)
	res := loginBrowser(t, s, auth.LoginOptions{})
	hook(t, srv, "sessions/revoke", map[string]string{"session_id": res.Info.SessionID})
	if err := s.ConfirmSession(ctxT(t)); !errors.Is(err, auth.ErrLoginRequired) {
		t.Fatalf("ConfirmSession of a revoked session = %v, want ErrLoginRequired", err)
	}
	if _, err := s.Token(ctxT(t)); !errors.Is(err, auth.ErrSessionRevoked) {
		t.Fatalf("Token after the refused confirmation = %v, want ErrSessionRevoked", err)
	}
}
