package controlpanel_test

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/internal/emutest"
)

func TestMissingOrInvalidTokenIs401(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "")
	real, _, err := jwt.NewParser().ParseUnverified(alice.token, jwt.MapClaims{})
	if err != nil {
		t.Fatal(err)
	}
	forged := forge(t, real.Claims.(jwt.MapClaims), real.Header["kid"].(string))

	for name, token := range map[string]string{
		"no token":    "",
		"garbage":     "not-a-jwt",
		"forged":      forged,
		"truncated":   alice.token[:len(alice.token)-8],
		"unknown kid": forge(t, real.Claims.(jwt.MapClaims), "sso_oidc_key_pair_unknown"),
		"alg none":    noneToken(t, real.Claims.(jwt.MapClaims)),
	} {
		t.Run(name, func(t *testing.T) {
			c := e.client(token)
			c.offContract(http.MethodGet, "/v1/account/profile").
				wantError(t, http.StatusUnauthorized, "authentication_error", "Request unauthenticated with bearer")
		})
	}
}

func TestExpiredTokenIs401(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "")
	alice.get("/v1/account/profile", nil).want(t, http.StatusOK)
	// Move the emulator's clock past the 5-minute lifetime instead of waiting.
	e.srv.State().SetClock(func() time.Time { return time.Now().Add(6 * time.Minute) })
	alice.get("/v1/account/profile", nil).wantError(t, http.StatusUnauthorized, "authentication_error", "")
}

func TestLockedAccountIs403AccountIsLocked(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "")
	hook(t, e, "/_emulator/accounts/lock", map[string]string{"email": "alice@example.com"})
	for _, path := range []string{"/v1/account/profile", "/v1/account/organization", "/v1/projects"} {
		alice.get(path, nil).wantError(t, http.StatusForbidden, "authorization_required", "Account is locked")
	}
}

func TestRevokedSessionIs403OnCurrentOrganizationOnly(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "")
	alice.get("/v1/account/organization", nil).want(t, http.StatusOK)
	hook(t, e, "/_emulator/sessions/revoke", map[string]string{"email": "alice@example.com"})

	r := alice.get("/v1/account/organization", nil)
	r.wantError(t, http.StatusForbidden, "authorization_required", "Session revoked")
	// Access tokens stay valid until they expire: other calls still work.
	alice.get("/v1/account/profile", nil).want(t, http.StatusOK)
}

func TestRemovedMembershipEndsAccessToTheOrganization(t *testing.T) {
	e := newEnv(t)
	bob := e.signIn("bob@example.com", "org_acme")
	bob.get("/v1/projects", nil).want(t, http.StatusOK)
	hook(t, e, "/_emulator/memberships/remove", map[string]string{"email": "bob@example.com", "organization_id": "org_acme"})

	bob.get("/v1/account/organization", nil).want(t, http.StatusForbidden)
	bob.get("/v1/projects", nil).want(t, http.StatusForbidden)
	bob.get("/v1/account/profile", nil).want(t, http.StatusOK) // the account itself is fine
}

func TestDeactivatedOrganizationIsTokenRejected(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_initech")
	for _, path := range []string{"/v1/account/organization", "/v1/projects", "/v1/organization_members", "/v1/organization_invitations"} {
		alice.get(path, nil).wantError(t, http.StatusForbidden, "authorization_required", "Token rejected")
	}
	// Account endpoints keep working, so the user can switch away.
	alice.get("/v1/account/profile", nil).want(t, http.StatusOK)
	alice.get("/v1/account/organizations", nil).want(t, http.StatusOK)

	// Deactivating a live organization takes effect on tokens already out.
	globex := e.signIn("alice@example.com", "org_globex")
	globex.get("/v1/account/organization", nil).want(t, http.StatusOK)
	hook(t, e, "/_emulator/organizations/deactivate", map[string]string{"organization_id": "org_globex"})
	globex.get("/v1/account/organization", nil).wantError(t, http.StatusForbidden, "authorization_required", "Token rejected")
}

func TestTokenWithoutOrganizationGets404OnCurrentOrganization(t *testing.T) {
	e := newEnv(t)
	carol := e.signIn("carol@example.com", "") // no membership: no org_id (B23)
	carol.get("/v1/account/organization", nil).wantError(t, http.StatusNotFound, "not_found", "")
	carol.get("/v1/account/profile", nil).want(t, http.StatusOK)
	carol.get("/v1/account/organization_invitations", nil).want(t, http.StatusOK)
}

func TestProjectHeaderOfAnotherOrganizationIsRejected(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_acme")
	acmeDefault := alice.get("/v1/account/organization", nil).want(t, http.StatusOK).object("organization")["default_project_id"].(string)
	globex := e.signIn("alice@example.com", "org_globex")
	globexDefault := globex.get("/v1/account/organization", nil).want(t, http.StatusOK).object("organization")["default_project_id"].(string)

	alice.project = acmeDefault
	alice.get("/v1/projects", nil).want(t, http.StatusOK)
	alice.project = globexDefault // stale after a switch: the web panel's bug
	alice.get("/v1/projects", nil).wantField(t, "x-koyeb-project-id")
	alice.get("/v1/account/organization", nil).wantField(t, "x-koyeb-project-id")
	alice.project = "no-such-project"
	alice.get("/v1/projects", nil).wantField(t, "x-koyeb-project-id")
}

func TestJWKSURLTrustsAnotherWorkOS(t *testing.T) {
	issuer := newEnv(t)
	api := emutest.Start(t, emulator.Options{JWKSURL: issuer.srv.JWKSURL()})
	tokens := issuer.auth.SignIn(map[string]string{"login_hint": "alice@example.com"})
	c := (&env{t: t, srv: api}).client(tokens.AccessToken)
	profile := c.get("/v1/account/profile", nil).want(t, http.StatusOK).object("user")
	if profile["email"] != "alice@example.com" {
		t.Fatalf("profile %v", profile)
	}
	// Its own tokens are not trusted any more.
	own := emutest.NewClient(t, api).SignIn(map[string]string{"login_hint": "alice@example.com"})
	(&env{t: t, srv: api}).client(own.AccessToken).get("/v1/account/profile", nil).want(t, http.StatusUnauthorized)
}

// forge signs claims with a key the emulator never published.
func forge(t *testing.T, claims jwt.MapClaims, kid string) string {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodRS256, claims)
	tok.Header["kid"] = kid
	s, err := tok.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func noneToken(t *testing.T, claims jwt.MapClaims) string {
	t.Helper()
	s, err := jwt.NewWithClaims(jwt.SigningMethodNone, claims).SignedString(jwt.UnsafeAllowNoneSignatureType)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// hook calls one of the emulator's /_emulator/ test hooks.
func hook(t *testing.T, e *env, path string, body any) {
	t.Helper()
	if resp := e.auth.PostJSON(path, body); resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: %d %s", path, resp.StatusCode, resp.Body)
	}
}

func TestJWKSURLProvisionsUsersAndOrganizationsOnFirstUse(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	jwks := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"keys": []map[string]string{{
			"kty": "RSA", "alg": "RS256", "use": "sig", "kid": "external-key",
			"n": base64.RawURLEncoding.EncodeToString(key.N.Bytes()),
			"e": base64.RawURLEncoding.EncodeToString(big.NewInt(int64(key.E)).Bytes()),
		}}})
	}))
	defer jwks.Close()
	api := emutest.Start(t, emulator.Options{JWKSURL: jwks.URL})
	tok := jwt.NewWithClaims(jwt.SigningMethodRS256, jwt.MapClaims{
		"sub": "user_01EXTERNAL", "sid": "session_01EXTERNAL", "org_id": "org_01EXTERNAL", "role": "owner",
		"iat": time.Now().Unix(), "exp": time.Now().Add(5 * time.Minute).Unix(),
	})
	tok.Header["kid"] = "external-key"
	token, err := tok.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	c := (&env{t: t, srv: api}).client(token)
	if u := c.get("/v1/account/profile", nil).want(t, http.StatusOK).object("user"); u["id"] != "user_01EXTERNAL" {
		t.Errorf("provisioned user %v", u)
	}
	org := c.get("/v1/account/organization", nil).want(t, http.StatusOK).object("organization")
	if org["external_id"] != "org_01EXTERNAL" || org["default_project_id"] == "" {
		t.Errorf("provisioned organization %v", org)
	}
	members := list(c.get("/v1/organization_members", nil).want(t, http.StatusOK).body["members"])
	if len(members) != 1 || members[0]["role"] != "OWNER" {
		t.Errorf("provisioned membership %v", members)
	}
}
