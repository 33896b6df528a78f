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

// Every hook, read or write, refuses a caller whose connection is not from loopback, whatever headers it
// sends; the state is unchanged. Requests are handed to the handler with a RemoteAddr (httptest), so no
// traffic goes anywhere.
func TestEveryHookRefusesNonLoopbackCallers(t *testing.T) {
	srv := emutest.Start(t, emulator.Options{})
	h := hooks.Handler(srv.State(), srv.Controls())
	routes := []struct{ method, path, body string }{
		{"POST", "/_emulator/sessions/revoke", `{"email":"alice@example.com"}`},
		{"GET", "/_emulator/sessions", ""},
		{"POST", "/_emulator/memberships/remove", `{"email":"alice@example.com","organization_id":"org_acme"}`},
		{"POST", "/_emulator/organizations/deactivate", `{"organization_id":"org_acme"}`},
		{"POST", "/_emulator/organizations/status", `{"organization_id":"org_acme","status":"LOCKED"}`},
		{"POST", "/_emulator/accounts/lock", `{"email":"alice@example.com"}`},
		{"POST", "/_emulator/settings", `{}`},
		{"GET", "/_emulator/latency", ""},
		{"POST", "/_emulator/latency", `{"latency":"1h"}`},
		{"GET", "/_emulator/faults", ""},
		{"POST", "/_emulator/faults", `{"path":"/v1/account/organization","status":500}`},
		{"DELETE", "/_emulator/faults", ""},
		{"GET", "/_emulator/requests", ""},
		{"DELETE", "/_emulator/requests", ""},
		{"GET", "/_emulator/unknown", ""},
	}
	callers := []string{"10.0.0.1:4321", "192.0.2.10:1", "[2001:db8::1]:443", "[::ffff:10.0.0.1]:80",
		"0.0.0.0:1", "127.0.0.1", "", "localhost:1"}
	sessionsBefore := len(srv.State().Sessions())
	for _, rt := range routes {
		for _, from := range callers {
			req := httptest.NewRequest(rt.method, rt.path, strings.NewReader(rt.body))
			req.RemoteAddr = from
			req.Header.Set("X-Forwarded-For", "127.0.0.1")
			req.Header.Set("X-Real-IP", "127.0.0.1")
			req.Host = "127.0.0.1"
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusForbidden {
				t.Errorf("%s %s from %q: %d, want 403", rt.method, rt.path, from, rec.Code)
			}
		}
	}
	if srv.Controls().Latency() != 0 || len(srv.State().Sessions()) != sessionsBefore {
		t.Error("a refused hook changed the emulator")
	}
	for _, from := range []string{"127.0.0.1:5555", "[::1]:5555", "127.0.0.53:1"} {
		req := httptest.NewRequest(http.MethodGet, "/_emulator/latency", nil)
		req.RemoteAddr = from
		req.Host = "127.0.0.1:1"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Errorf("loopback caller %s: %d", from, rec.Code)
		}
	}
}
