package hooks_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/hooks"
	"github.com/panel-dev/panel/emulator/internal/emutest"
)

func client(t *testing.T) *emutest.Client {
	t.Helper()
	return emutest.NewClient(t, emutest.Start(t, emulator.Options{}))
}

func ok(t *testing.T, resp *emutest.Response) {
	t.Helper()
	if resp.StatusCode >= 300 {
		t.Fatalf("hook: %d %s", resp.StatusCode, resp.Body)
	}
}

func TestHooksRefuseNonLoopbackCallers(t *testing.T) {
	srv := emutest.Start(t, emulator.Options{})
	h := hooks.Handler(srv.State(), srv.Controls())
	req := httptest.NewRequest(http.MethodGet, "/_emulator/sessions", nil)
	req.RemoteAddr = "192.0.2.10:4321"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Fatalf("non-loopback caller got %d", rec.Code)
	}
}

func TestRevokeSessionByIDAndByEmail(t *testing.T) {
	c := client(t)
	a := c.SignIn(nil)
	b := c.SignIn(nil)
	sid := c.Claims(a.AccessToken)["sid"].(string)
	ok(t, c.PostJSON("/_emulator/sessions/revoke", map[string]string{"session_id": sid}))
	c.WantOAuthError(c.Refresh(a.RefreshToken, ""), http.StatusBadRequest, "invalid_grant")
	if resp := c.Refresh(b.RefreshToken, ""); resp.StatusCode != http.StatusOK {
		t.Fatal("revoking one session ended another")
	}

	sessions := emutest.Decode[[]map[string]any](t, c.Get("/_emulator/sessions", nil).Body)
	if len(sessions) != 2 || sessions[0]["id"] != sid || sessions[0]["revoked"] != true ||
		sessions[0]["email"] != "alice@example.com" || sessions[0]["organization_id"] != "org_acme" {
		t.Fatalf("sessions = %v", sessions)
	}
	if strings.Contains(string(c.Get("/_emulator/sessions", nil).Body), a.RefreshToken) {
		t.Fatal("the session list leaks a refresh token")
	}
	ok(t, c.PostJSON("/_emulator/sessions/revoke", map[string]string{"email": "alice@example.com"}))
	for _, s := range c.Srv.State().Sessions() {
		if !s.Revoked {
			t.Fatalf("session %s survived revocation by email", s.ID)
		}
	}
	if resp := c.PostJSON("/_emulator/sessions/revoke", map[string]string{}); resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("empty revoke: %d", resp.StatusCode)
	}
}

func TestRemoveMembershipDeactivateAndLock(t *testing.T) {
	c := client(t)
	tok := c.SignIn(nil)
	ok(t, c.PostJSON("/_emulator/memberships/remove", map[string]string{"email": "alice@example.com", "organization_id": "org_globex"}))
	c.WantOAuthError(c.Refresh(tok.RefreshToken, "org_globex"), http.StatusBadRequest, "organization_membership_not_found")
	if resp := c.PostJSON("/_emulator/memberships/remove", map[string]string{"email": "alice@example.com", "organization_id": "org_globex"}); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("removing twice: %d", resp.StatusCode)
	}

	acme, _ := c.Srv.State().Organization("org_acme")
	ok(t, c.PostJSON("/_emulator/organizations/deactivate", map[string]string{"organization_id": acme.ID}))
	if o, _ := c.Srv.State().Organization("org_acme"); o.Status != "DEACTIVATED" {
		t.Fatalf("status %s", o.Status)
	}
	ok(t, c.PostJSON("/_emulator/organizations/status", map[string]string{"organization_id": "org_acme", "status": "ACTIVE"}))

	ok(t, c.PostJSON("/_emulator/accounts/lock", map[string]string{"email": "bob@example.com"}))
	if u, _ := c.Srv.State().UserByEmail("bob@example.com"); !u.Locked {
		t.Fatal("bob is not locked")
	}
	ok(t, c.PostJSON("/_emulator/accounts/lock", map[string]any{"email": "bob@example.com", "locked": false}))
	if u, _ := c.Srv.State().UserByEmail("bob@example.com"); u.Locked {
		t.Fatal("bob is still locked")
	}
}

func TestSettingsToggleOrganizationSelection(t *testing.T) {
	c := client(t)
	ok(t, c.PostJSON("/_emulator/settings", map[string]bool{"organization_selection_required": true}))
	verifier, challenge := emutest.PKCE()
	q := c.Redirected(c.Get("/user_management/authorize", c.AuthorizeQuery(challenge, nil)))
	if resp := c.Exchange(q.Get("code"), verifier); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("want 403 organization_selection_required, got %d", resp.StatusCode)
	}
}
