package emulator_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/internal/emutest"
	"github.com/panel-dev/panel/internal/spectest"
)

// api calls the control-panel half with a bearer token; requests and responses are validated against the spec.
func api(c *emutest.Client, token, path string) (int, map[string]any) {
	c.T.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.Srv.APIURL+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := (&http.Client{Transport: spectest.Transport(c.T, nil)}).Do(req)
	if err != nil {
		c.T.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&body)
	return resp.StatusCode, body
}

func field(body map[string]any, path ...string) any {
	var v any = body
	for _, p := range path {
		m, _ := v.(map[string]any)
		v = m[p]
	}
	return v
}

// TestDoneWhenFlow is the curl flow: authorize → code → authenticate → profile → refresh into another
// organization → that organization is current → the old refresh token is rejected; then sign-out.
func TestDoneWhenFlow(t *testing.T) {
	c := emutest.NewClient(t, emutest.Start(t, emulator.Options{}))
	tok := c.SignIn(nil)

	status, profile := api(c, tok.AccessToken, "/v1/account/profile")
	if status != http.StatusOK || field(profile, "user", "email") != "alice@example.com" {
		t.Fatalf("profile: %d %v", status, profile)
	}
	status, org := api(c, tok.AccessToken, "/v1/account/organization")
	if status != http.StatusOK || field(org, "organization", "name") != "acme" {
		t.Fatalf("organization: %d %v", status, org)
	}

	resp := c.Refresh(tok.RefreshToken, "org_globex")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("refresh into globex: %d %s", resp.StatusCode, resp.Body)
	}
	switched := emutest.Decode[emutest.Tokens](t, resp.Body)
	status, org = api(c, switched.AccessToken, "/v1/account/organization")
	if status != http.StatusOK || field(org, "organization", "name") != "globex" ||
		field(org, "organization", "external_id") != "org_globex" {
		t.Fatalf("organization after the switch: %d %v", status, org)
	}
	e := c.WantOAuthError(c.Refresh(tok.RefreshToken, ""), http.StatusBadRequest, "invalid_grant")
	if e.ErrorDescription != "Refresh token already exchanged." {
		t.Fatalf("old refresh token: %q", e.ErrorDescription)
	}

	sid := c.Claims(switched.AccessToken)["sid"].(string)
	c.Get("/user_management/sessions/logout", url.Values{"session_id": {sid}})
	if status, _ := api(c, switched.AccessToken, "/v1/account/organization"); status != http.StatusForbidden {
		t.Fatalf("after logout /v1/account/organization answered %d, want 403", status)
	}
}

// TestJWKSURLTrustsAnotherWorkOS: an API half started with --jwks-url accepts the other emulator's tokens
// (user ids derive from emails, so both seeds agree on who alice is) and refuses its own.
func TestJWKSURLTrustsAnotherWorkOS(t *testing.T) {
	auth := emutest.NewClient(t, emutest.Start(t, emulator.Options{}))
	apiOnly := emutest.NewClient(t, emutest.Start(t, emulator.Options{JWKSURL: auth.Srv.JWKSURL()}))
	foreign := auth.SignIn(nil)
	if status, body := api(apiOnly, foreign.AccessToken, "/v1/account/profile"); status != http.StatusOK {
		t.Fatalf("token of the trusted WorkOS: %d %v", status, body)
	}
	own := apiOnly.SignIn(nil)
	if status, _ := api(apiOnly, own.AccessToken, "/v1/account/profile"); status != http.StatusUnauthorized {
		t.Fatalf("own token behind --jwks-url: %d, want 401", status)
	}
}

func TestStartRefusesNonLoopbackAddresses(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:0", "example.com:80", "nonsense"} {
		if srv, err := emulator.Start(addr, emulator.Options{}); err == nil {
			srv.Close()
			t.Errorf("Start(%q) listened", addr)
		}
	}
}
