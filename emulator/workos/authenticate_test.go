package workos_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/workos/workos-go/v4/pkg/usermanagement"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/internal/emutest"
)

// code runs the default authorize and returns a fresh code and its verifier.
func code(c *emutest.Client, extra map[string]string) (string, string) {
	c.T.Helper()
	verifier, challenge := emutest.PKCE()
	q := c.Redirected(c.Get("/user_management/authorize", c.AuthorizeQuery(challenge, extra)))
	return q.Get("code"), verifier
}

func TestResponseDecodesIntoWorkOSGoTypes(t *testing.T) {
	c := client(t, emulator.Options{})
	cd, verifier := code(c, nil)
	resp := c.Exchange(cd, verifier)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%d %s", resp.StatusCode, resp.Body)
	}
	var r usermanagement.AuthenticateResponse
	if err := json.Unmarshal(resp.Body, &r); err != nil {
		t.Fatal(err)
	}
	if r.User.Email != "alice@example.com" || r.OrganizationID != "org_acme" || r.AccessToken == "" ||
		r.RefreshToken == "" || r.AuthenticationMethod != usermanagement.Password {
		t.Fatalf("decoded %+v", r)
	}
}

func TestCodesAreSingleUseAndShortLived(t *testing.T) {
	c := client(t, emulator.Options{})
	cd, verifier := code(c, nil)
	c.Exchange(cd, verifier)
	c.WantOAuthError(c.Exchange(cd, verifier), http.StatusBadRequest, "invalid_grant")

	cd, verifier = code(c, nil)
	later := time.Now().Add(11 * time.Minute)
	c.Srv.State().SetClock(func() time.Time { return later })
	defer c.Srv.State().SetClock(nil)
	c.WantOAuthError(c.Exchange(cd, verifier), http.StatusBadRequest, "invalid_grant")
}

func TestPKCEVerifierIsChecked(t *testing.T) {
	c := client(t, emulator.Options{})
	cd, _ := code(c, nil)
	c.WantOAuthError(c.Exchange(cd, "another-verifier-of-sufficient-length-0123456789"), http.StatusBadRequest, "invalid_grant")
	cd, _ = code(c, nil)
	c.WantOAuthError(c.Exchange(cd, ""), http.StatusBadRequest, "invalid_request")

	// Without a challenge no verifier is needed.
	q := c.Redirected(c.Get("/user_management/authorize", c.AuthorizeQuery("", map[string]string{"code_challenge_method": ""})))
	if resp := c.Exchange(q.Get("code"), ""); resp.StatusCode != http.StatusOK {
		t.Fatalf("no PKCE: %d %s", resp.StatusCode, resp.Body)
	}
}

func TestFormEncodedAndEmptyClientSecret(t *testing.T) {
	c := client(t, emulator.Options{})
	cd, verifier := code(c, nil)
	resp := c.PostForm("/user_management/authenticate", url.Values{"client_id": {c.Srv.ClientID},
		"client_secret": {""}, "grant_type": {"authorization_code"}, "code": {cd}, "code_verifier": {verifier}})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("form exchange: %d %s", resp.StatusCode, resp.Body)
	}
}

func TestAuthenticateRejectsBadRequests(t *testing.T) {
	c := client(t, emulator.Options{})
	c.WantOAuthError(c.PostJSON("/user_management/authenticate", map[string]string{
		"client_id": "client_other", "grant_type": "refresh_token", "refresh_token": "x"}), http.StatusUnauthorized, "invalid_client")
	c.WantOAuthError(c.PostJSON("/user_management/authenticate", map[string]string{
		"client_id": c.Srv.ClientID, "grant_type": "password"}), http.StatusBadRequest, "unsupported_grant_type")
	c.WantOAuthError(c.PostJSON("/user_management/authenticate", map[string]string{
		"client_id": c.Srv.ClientID, "grant_type": "refresh_token"}), http.StatusBadRequest, "invalid_request")
	c.WantOAuthError(c.Refresh("not-a-token", ""), http.StatusBadRequest, "invalid_grant")
}

func TestRefreshTokensRotateAndSwitchOrganization(t *testing.T) {
	c := client(t, emulator.Options{})
	first := c.SignIn(nil)
	resp := c.Refresh(first.RefreshToken, "org_globex")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("switch: %d %s", resp.StatusCode, resp.Body)
	}
	second := emutest.Decode[emutest.Tokens](t, resp.Body)
	claims := c.Claims(second.AccessToken)
	if second.OrganizationID != "org_globex" || claims["org_id"] != "org_globex" ||
		claims["sid"] != c.Claims(first.AccessToken)["sid"] || second.RefreshToken == first.RefreshToken {
		t.Fatalf("after switch: %q %v", second.OrganizationID, claims)
	}
	e := c.WantOAuthError(c.Refresh(first.RefreshToken, ""), http.StatusBadRequest, "invalid_grant")
	if e.ErrorDescription != "Refresh token already exchanged." {
		t.Fatalf("reuse description %q", e.ErrorDescription)
	}

	// Not a member: refused, and the token stays usable so the client keeps its session.
	c.WantOAuthError(c.Refresh(second.RefreshToken, "org_umbrella"), http.StatusBadRequest, "organization_membership_not_found")
	resp = c.Refresh(second.RefreshToken, "")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("refresh after refused switch: %d %s", resp.StatusCode, resp.Body)
	}
	if third := emutest.Decode[emutest.Tokens](t, resp.Body); third.OrganizationID != "org_globex" {
		t.Fatalf("a plain refresh moved the session to %q", third.OrganizationID)
	}
}

func TestRevokedSessionCannotRefresh(t *testing.T) {
	c := client(t, emulator.Options{})
	tok := c.SignIn(nil)
	if _, err := c.Srv.State().RevokeSession(c.Claims(tok.AccessToken)["sid"].(string)); err != nil {
		t.Fatal(err)
	}
	c.WantOAuthError(c.Refresh(tok.RefreshToken, ""), http.StatusBadRequest, "invalid_grant")
}
