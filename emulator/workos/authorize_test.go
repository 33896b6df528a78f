package workos_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/internal/emutest"
)

func client(t *testing.T, opts emulator.Options) *emutest.Client {
	t.Helper()
	return emutest.NewClient(t, emutest.Start(t, opts))
}

func TestDefaultSignInIsTheFirstUserInTheFirstActiveOrganization(t *testing.T) {
	c := client(t, emulator.Options{})
	tok := c.SignIn(nil)
	if tok.User["email"] != "alice@example.com" || tok.OrganizationID != "org_acme" || tok.AuthenticationMethod == "" {
		t.Fatalf("signed in as %v into %q (%q)", tok.User["email"], tok.OrganizationID, tok.AuthenticationMethod)
	}
	claims := c.Claims(tok.AccessToken)
	if claims["sub"] != tok.User["id"] || claims["org_id"] != "org_acme" || claims["role"] != "owner" {
		t.Fatalf("claims = %v", claims)
	}
	if sid, _ := claims["sid"].(string); !strings.HasPrefix(sid, "session_") {
		t.Fatalf("sid = %v", claims["sid"])
	}
	if perms, _ := claims["permissions"].([]any); len(perms) == 0 {
		t.Fatalf("permissions = %v", claims["permissions"])
	}
	iat, _ := claims.GetIssuedAt()
	exp, _ := claims.GetExpirationTime()
	if exp.Sub(iat.Time).Minutes() != 5 {
		t.Fatalf("token lifetime %v, want 5m", exp.Sub(iat.Time))
	}
}

func TestAccessTokenTTLOption(t *testing.T) {
	c := client(t, emulator.Options{AccessTokenTTL: 90_000_000_000}) // 90s
	claims := c.Claims(c.SignIn(nil).AccessToken)
	iat, _ := claims.GetIssuedAt()
	exp, _ := claims.GetExpirationTime()
	if exp.Sub(iat.Time).Seconds() != 90 {
		t.Fatalf("token lifetime %v, want 90s", exp.Sub(iat.Time))
	}
}

func TestLoginHintAndOrganizationID(t *testing.T) {
	c := client(t, emulator.Options{})
	if tok := c.SignIn(map[string]string{"login_hint": "BOB@example.com"}); tok.User["email"] != "bob@example.com" {
		t.Fatalf("login_hint: signed in as %v", tok.User["email"])
	}
	tok := c.SignIn(map[string]string{"organization_id": "org_globex"})
	if tok.OrganizationID != "org_globex" || c.Claims(tok.AccessToken)["org_id"] != "org_globex" {
		t.Fatalf("organization_id: landed in %q", tok.OrganizationID)
	}
}

func TestSignUpCreatesAUserWithoutOrganization(t *testing.T) {
	c := client(t, emulator.Options{})
	tok := c.SignIn(map[string]string{"screen_hint": "sign-up", "login_hint": "new@example.com"})
	if tok.User["email"] != "new@example.com" || tok.OrganizationID != "" {
		t.Fatalf("sign-up: %v in %q", tok.User["email"], tok.OrganizationID)
	}
	if _, ok := c.Claims(tok.AccessToken)["org_id"]; ok {
		t.Fatal("a token without organization must carry no org_id")
	}
	if _, ok := c.Srv.State().UserByEmail("new@example.com"); !ok {
		t.Fatal("the user was not created")
	}
}

func TestAuthorizeErrorsRedirectWhenTheRedirectURIIsValid(t *testing.T) {
	c := client(t, emulator.Options{})
	_, challenge := emutest.PKCE()
	cases := []struct {
		name  string
		extra map[string]string
		error string
	}{
		{"response_type", map[string]string{"response_type": "token"}, "unsupported_response_type"},
		{"plain PKCE", map[string]string{"code_challenge_method": "plain"}, "invalid_request"},
		{"method without challenge", map[string]string{"code_challenge": ""}, "invalid_request"},
		{"unknown organization", map[string]string{"organization_id": "org_nope"}, "invalid_request"},
		{"not a member", map[string]string{"organization_id": "org_umbrella"}, "access_denied"},
		{"unknown login_hint", map[string]string{"login_hint": "nobody@example.com"}, "access_denied"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			q := c.Redirected(c.Get("/user_management/authorize", c.AuthorizeQuery(challenge, tc.extra)))
			if q.Get("error") != tc.error || q.Get("error_description") == "" || q.Get("state") != "st-123" {
				t.Fatalf("redirect query = %v, want error %s with state", q, tc.error)
			}
			if q.Get("code") != "" {
				t.Fatal("an error redirect must not carry a code")
			}
		})
	}
}

func TestAuthorizeErrorsShowAPageWhenTheRedirectCannotBeTrusted(t *testing.T) {
	c := client(t, emulator.Options{})
	_, challenge := emutest.PKCE()
	for _, extra := range []map[string]string{
		{"client_id": "client_other"},
		{"redirect_uri": ""},
		{"redirect_uri": "http://example.com/callback"},
		{"redirect_uri": "ftp://127.0.0.1/callback"},
		{"redirect_uri": "http://127.0.0.2/callback"},
		{"redirect_uri": "/callback"},
	} {
		resp := c.Get("/user_management/authorize", c.AuthorizeQuery(challenge, extra))
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(resp.Header.Get("Content-Type"), "text/html") {
			t.Errorf("%v: %d %s", extra, resp.StatusCode, resp.Header.Get("Location"))
		}
	}
}

func TestLoopbackRedirectURIsOnAnyPort(t *testing.T) {
	c := client(t, emulator.Options{})
	_, challenge := emutest.PKCE()
	for _, uri := range []string{"http://localhost:1234/cb", "http://[::1]:80/cb", "https://127.0.0.1:65000/x?keep=1"} {
		resp := c.Get("/user_management/authorize", c.AuthorizeQuery(challenge, map[string]string{"redirect_uri": uri}))
		loc := resp.Header.Get("Location")
		if resp.StatusCode != http.StatusFound || !strings.HasPrefix(loc, strings.Split(uri, "?")[0]+"?") ||
			!strings.Contains(loc, "code=") {
			t.Errorf("%s: %d %s", uri, resp.StatusCode, loc)
		}
	}
}
