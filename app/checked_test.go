package app_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
)

// A revoked session wins over whatever a command's read did, and a write
// never runs on its behalf (B10).
func TestRevokedSessionWinsOverTheWork(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	e.hook(http.MethodPost, "sessions/revoke", map[string]any{"email": "alice@example.com"})
	err := e.app.ReadChecked(ctx(t), func(context.Context) error { return nil })
	if !errors.Is(err, auth.ErrSessionRevoked) {
		t.Fatalf("read that succeeded: %v, want revoked", err)
	}
	if _, err := e.app.Session.Info(ctx(t)); !errors.Is(err, auth.ErrLoginRequired) {
		t.Errorf("still signed in after the revocation: %v", err)
	}

	e = newEnv(t, srv, "alice@example.com")
	e.hook(http.MethodPost, "sessions/revoke", map[string]any{"email": "alice@example.com"})
	wrote := false
	err = e.app.WriteChecked(ctx(t), func(context.Context) error { wrote = true; return nil })
	if !errors.Is(err, auth.ErrSessionRevoked) || wrote {
		t.Fatalf("write for a revoked session: %v (written: %v)", err, wrote)
	}
}

// When the check itself fails (the API is down for it), the work's own
// result stands: a read is not failed, a write still runs.
func TestAFailedCheckLeavesTheWorkAlone(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	e.hook(http.MethodPost, "faults", map[string]any{"method": "GET", "path": "/v1/account/organization", "status": 503,
		"body": `{"status":503,"code":"unavailable","message":"Service unavailable"}`, "content_type": "application/json"})
	readErr := errors.New("the read's own failure")
	if err := e.app.ReadChecked(ctx(t), func(context.Context) error { return readErr }); !errors.Is(err, readErr) {
		t.Fatalf("read: %v, want its own error", err)
	}
	if err := e.app.ReadChecked(ctx(t), func(context.Context) error { return nil }); err != nil {
		t.Fatalf("read that succeeded: %v", err)
	}
	wrote := false
	if err := e.app.WriteChecked(ctx(t), func(context.Context) error { wrote = true; return nil }); err != nil || !wrote {
		t.Fatalf("write: %v (written: %v)", err, wrote)
	}
}
