package workos_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/panel-dev/panel/emulator"
)

func TestLogoutEndsTheSession(t *testing.T) {
	c := client(t, emulator.Options{})
	tok := c.SignIn(nil)
	sid := c.Claims(tok.AccessToken)["sid"].(string)
	if resp := c.Get("/user_management/sessions/logout", url.Values{"session_id": {sid}}); resp.StatusCode != http.StatusOK {
		t.Fatalf("logout: %d %s", resp.StatusCode, resp.Body)
	}
	if s, _ := c.Srv.State().Session(sid); !s.Revoked {
		t.Fatal("the session is not marked revoked")
	}
	c.WantOAuthError(c.Refresh(tok.RefreshToken, ""), http.StatusBadRequest, "invalid_grant")
}

func TestLogoutReturnTo(t *testing.T) {
	c := client(t, emulator.Options{})
	sid := c.Claims(c.SignIn(nil).AccessToken)["sid"].(string)
	bad := c.Get("/user_management/sessions/logout", url.Values{"session_id": {sid}, "return_to": {"https://evil.example/"}})
	if bad.StatusCode != http.StatusBadRequest {
		t.Fatalf("non-loopback return_to: %d", bad.StatusCode)
	}
	if s, _ := c.Srv.State().Session(sid); s.Revoked {
		t.Fatal("a refused logout must not end the session")
	}
	ok := c.Get("/user_management/sessions/logout", url.Values{"session_id": {sid}, "return_to": {"http://127.0.0.1:9/bye"}})
	if ok.StatusCode != http.StatusFound || ok.Header.Get("Location") != "http://127.0.0.1:9/bye" {
		t.Fatalf("return_to: %d %s", ok.StatusCode, ok.Header.Get("Location"))
	}
	if resp := c.Get("/user_management/sessions/logout", nil); resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("missing session_id: %d", resp.StatusCode)
	}
	if resp := c.Get("/user_management/sessions/logout", url.Values{"session_id": {"session_nope"}}); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("unknown session: %d", resp.StatusCode)
	}
}

func TestJWKSIsPerClient(t *testing.T) {
	c := client(t, emulator.Options{})
	if resp := c.Get("/sso/jwks/client_other", nil); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("other client's JWKS: %d", resp.StatusCode)
	}
	resp := c.Get("/sso/jwks/"+c.Srv.ClientID, nil)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("JWKS: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}
