package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"
)

// The built binary in tmux (B28): in globex, the session is revoked; signing
// in again lands in globex on the same screen. Revoked again and removed from
// globex meanwhile: the sign-in lands in acme, and the header and the status
// line say so.
func TestSignInAgainKeepsTheOrganizationInTmux(t *testing.T) {
	tmux := requireTmux(t)
	bin := buildPanel(t)
	// Short-lived access tokens: the refresh, every two seconds, meets the revocation.
	ready := startEmulatorProcess(t, bin, "--access-token-ttl", "12s")
	s := startTmux(t, tmux, launcher(t, bin, ready, t.TempDir()))
	s.waitFor("Sign in to panel")
	s.keys("Enter")
	s.waitFor("org acme", "project default")
	s.keys("o")
	s.waitFor("globex", "initech")
	s.text("glob")
	s.waitFor("1 of 3")
	s.keys("Enter")
	s.waitFor("org globex", "Switched to globex")

	s.keys("p")
	s.waitFor("Projects of globex", "api")

	emulatorHook(t, ready, "sessions/revoke", map[string]string{"email": "alice@example.com"})
	s.waitFor("Sign in again", "Signing in to organization globex.")
	s.keys("Enter")
	s.waitFor("org globex", "Projects of globex", "api")

	emulatorHook(t, ready, "sessions/revoke", map[string]string{"email": "alice@example.com"})
	emulatorHook(t, ready, "memberships/remove", map[string]string{"email": "alice@example.com", "organization_id": "org_globex"})
	s.waitFor("Sign in again", "Signing in to organization globex.")
	s.keys("Enter")
	s.waitFor("org acme (was globex)", "Now in acme, was globex.")

	// Quit, so that no write of panel's races the removal of its profile.
	s.keys("q")
	s.waitGone()
}

// emulatorHook POSTs to one of the emulator process's test hooks.
func emulatorHook(t *testing.T, ready map[string]string, path string, body any) {
	t.Helper()
	b, _ := json.Marshal(body)
	res, err := http.Post(ready["auth_url"]+"/_emulator/"+path, "application/json", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode >= 300 {
		t.Fatalf("hook %s: HTTP %d", path, res.StatusCode)
	}
}
