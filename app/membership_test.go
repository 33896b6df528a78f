package app_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
)

// A 403 on the session check because only the current organization's membership is gone: the session is
// kept, the organization forgotten, and the session moved to the previous organization.
func TestCheckSessionLostMembershipKeepsTheSession(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	if _, err := e.app.SwitchOrganization(ctx(t), e.org("globex"), nil); err != nil {
		t.Fatal(err)
	}
	e.hook(http.MethodPost, "memberships/remove", map[string]any{"email": "alice@example.com", "organization_id": "org_globex"})
	_, err := e.app.CheckSession(ctx(t))
	var lost *app.MembershipLostError
	if !errors.As(err, &lost) || errors.Is(err, auth.ErrSessionRevoked) {
		t.Fatalf("err = %v, want a lost membership", err)
	}
	if lost.Organization.ExternalID != "org_globex" || lost.SwitchedTo == nil ||
		lost.SwitchedTo.Organization.ExternalID != "org_acme" {
		t.Fatalf("lost %+v, moved to %+v; want globex lost, back in acme (the previous one)", lost.Organization, lost.SwitchedTo)
	}
	info, err := e.app.Session.Info(ctx(t))
	if err != nil || info.OrganizationID != "org_acme" {
		t.Fatalf("session after the lost membership: %+v, %v", info, err)
	}
	if org, err := e.app.CheckSession(ctx(t)); err != nil || org.ExternalID != "org_acme" {
		t.Fatalf("the next check: %+v, %v", org, err)
	}
	if _, ok := e.app.KnownOrganization("org_globex"); ok {
		t.Error("the lost organization is still among the known ones")
	}
}

// The same 403 right after a switch (the API refuses the new organization on arrival): the switch reports
// the lost membership and the session goes back where it was, still signed in.
func TestSwitchIntoALostMembershipGoesBack(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	e.hook(http.MethodPost, "faults", map[string]any{"method": "GET", "path": api.PathCurrentOrganization,
		"status": 403, "body": `{"status":403,"code":"forbidden","message":"You are not a member of this organization"}`, "count": 1})
	_, err := e.app.SwitchOrganization(ctx(t), e.org("globex"), nil)
	var lost *app.MembershipLostError
	if !errors.As(err, &lost) || lost.SwitchedTo == nil || lost.SwitchedTo.Organization.ExternalID != "org_acme" {
		t.Fatalf("err = %v, want globex lost and the session back in acme", err)
	}
	if _, err := e.app.Session.Token(ctx(t)); err != nil {
		t.Fatalf("signed out: %v", err)
	}
}

// A session revoked while the switch's refresh is in flight: the check's 403 is a revoked session
// (WorkOS refuses the refresh that decides), and the user is signed out (B10 in B15).
func TestSwitchIntoARevokedSessionSignsOut(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	e.hook(http.MethodPost, "faults", map[string]any{"method": "POST", "path": "/user_management/authenticate",
		"count": 1, "hold": true})
	done := make(chan error, 1)
	go func() { _, err := e.app.SwitchOrganization(ctx(t), e.org("globex"), nil); done <- err }()
	e.waitHeld()
	e.hook(http.MethodPost, "sessions/revoke", map[string]any{"email": "alice@example.com"})
	e.hook(http.MethodPost, "holds/release", map[string]any{})
	if err := <-done; !errors.Is(err, auth.ErrSessionRevoked) {
		t.Fatalf("err = %v, want ErrSessionRevoked", err)
	}
	if _, err := e.app.Session.Info(ctx(t)); !errors.Is(err, auth.ErrLoginRequired) {
		t.Errorf("still signed in after revocation: %v", err)
	}
}

// waitHeld waits until the emulator holds an answer (the request took effect; its client waits).
func (e *env) waitHeld() {
	e.t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		var held []json.RawMessage
		if err := json.Unmarshal(e.hook(http.MethodGet, "holds", nil), &held); err != nil {
			e.t.Fatal(err)
		}
		if len(held) > 0 {
			return
		}
	}
	e.t.Fatal("the emulator never held an answer")
}
