package main

import (
	"strings"
	"testing"

	"github.com/panel-dev/panel/emulator"
)

// Failure paths through the commands (rate limits, server errors, resets, a deactivated organization, a
// locked account, a revoked session), against the emulator's hooks.

func TestCommandsRideOutRateLimitsErrorsAndResets(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "alice@example.com")
	c.fault(map[string]any{"method": "GET", "path": "/v1/account/organizations", "status": 429,
		"body": "<html><body>Too many requests</body></html>", "content_type": "text/html", "count": 1})
	out, errOut, code := c.panel("", "orgs", "list")
	if code != 0 || !strings.Contains(out, "acme") || !strings.Contains(errOut, "rate limited by the API; retrying") {
		t.Errorf("429 with an HTML body: exit %d\n%s%s", code, out, errOut)
	}
	c.fault(jsonFault("GET", "/v1/projects", 500, `{"status":500,"code":"internal","message":"boom"}`, 1))
	out, errOut, code = c.panel("", "projects", "list")
	if code != 0 || !strings.Contains(out, "default") || !strings.Contains(errOut, "retry 1") {
		t.Errorf("500 then success: exit %d\n%s%s", code, out, errOut)
	}
	c.fault(map[string]any{"method": "GET", "path": "/v1/organization_invitations", "reset": true, "count": 1})
	out, errOut, code = c.panel("", "invitations", "list")
	if code != 0 || !strings.Contains(out, "dave@example.com") {
		t.Errorf("connection reset: exit %d\n%s%s", code, out, errOut)
	}
	// Writes are never retried.
	c.fault(jsonFault("POST", "/v1/organization_invitations", 503, `{"status":503,"code":"unavailable","message":"later"}`, 0))
	c.clearRequests()
	_, errOut, code = c.panel("", "invitations", "send", "carol@example.com")
	posts := 0
	for _, r := range c.requests() {
		if r.Method == "POST" && r.Path == "/v1/organization_invitations" {
			posts++
		}
	}
	if code != 1 || posts != 1 || !strings.Contains(errOut, "later") {
		t.Errorf("503 on a write: exit %d, %d POSTs\n%s", code, posts, errOut)
	}
	// 404.
	_, errOut, code = c.panel("", "invitations", "revoke", "2d1f0c7e-0000-4000-8000-000000000000")
	if code != 1 || !strings.Contains(errOut, "HTTP 404") {
		t.Errorf("404: exit %d %s", code, errOut)
	}
}

func TestDeactivatedOrganizationAndLockedAccount(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "alice@example.com")
	c.ok("orgs", "switch", "initech")
	_, errOut, code := c.panel("", "projects", "list")
	if code != 1 || !strings.Contains(errOut, "organization is deactivated") {
		t.Errorf("Token rejected: exit %d %s", code, errOut)
	}
	c.ok("orgs", "switch", "acme")
	c.hook("accounts/lock", map[string]any{"email": "alice@example.com"})
	_, errOut, code = c.panel("", "members", "list")
	if code != 1 || !strings.Contains(errOut, "account is locked") {
		t.Errorf("locked: exit %d %s", code, errOut)
	}
	if !c.tokensStored() {
		t.Error("a locked account signed the user out")
	}
}

func TestRevokedSessionDuringACommandExits4AndClearsTokens(t *testing.T) {
	for _, args := range [][]string{
		{"projects", "list"},
		{"invitations", "send", "carol@example.com"},
		{"orgs", "switch", "globex"},
		{"members", "list"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			c := signedIn(t, emulator.Options{}, "alice@example.com")
			c.hook("sessions/revoke", map[string]any{"email": "alice@example.com"})
			c.clearRequests()
			_, errOut, code := c.panel("", args...)
			if code != 4 || !strings.Contains(errOut, "revoked") && !strings.Contains(errOut, "panel login") {
				t.Errorf("exit %d\n%s", code, errOut)
			}
			if c.tokensStored() {
				t.Error("tokens kept after revocation")
			}
			for _, r := range c.requests() {
				if r.Method == "POST" && strings.HasPrefix(r.Path, "/v1/") {
					t.Errorf("a write went out for a revoked session: %s %s", r.Method, r.Path)
				}
			}
		})
	}
}
