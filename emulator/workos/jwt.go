package workos

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"net/http"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/panel-dev/panel/emulator/state"
)

// Keys is the RSA key pair that signs access tokens, published at /sso/jwks/{client_id}.
type Keys struct {
	private *rsa.PrivateKey
	kid     string
}

// NewKeys generates a fresh 2048-bit key with a WorkOS-style key id.
func NewKeys() (*Keys, error) {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	return &Keys{private: k, kid: state.WorkOSID("sso_oidc_key_pair", "")}, nil
}

// KID is the key id put in every token header.
func (k *Keys) KID() string { return k.kid }

// PublicKey verifies tokens signed by these keys.
func (k *Keys) PublicKey() *rsa.PublicKey { return &k.private.PublicKey }

// JWK is one key of a JWKS document.
type JWK struct {
	Alg string `json:"alg"`
	Kty string `json:"kty"`
	Use string `json:"use"`
	Kid string `json:"kid"`
	N   string `json:"n"`
	E   string `json:"e"`
}

// JWKS is the document served at /sso/jwks/{client_id}.
func (k *Keys) JWKS() map[string][]JWK {
	pub := k.PublicKey()
	return map[string][]JWK{"keys": {{
		Alg: "RS256", Kty: "RSA", Use: "sig", Kid: k.kid,
		N: base64.RawURLEncoding.EncodeToString(pub.N.Bytes()),
		E: base64.RawURLEncoding.EncodeToString(big.NewInt(int64(pub.E)).Bytes()),
	}}}
}

// AccessClaims are the claims of a WorkOS access token.
type AccessClaims struct {
	SessionID      string   `json:"sid"`
	OrganizationID string   `json:"org_id,omitempty"`
	Role           string   `json:"role,omitempty"`
	Permissions    []string `json:"permissions,omitempty"`
	jwt.RegisteredClaims
}

// permissions a role grants; the API half does its own checks, these only make the claim realistic.
var rolePermissions = map[string][]string{
	state.RoleOwner:  {"members:manage", "invitations:manage", "organization:manage", "projects:manage"},
	state.RoleMember: {"projects:read"},
}

// sign issues an access token for the session as it stands now.
func (h *Handler) sign(r *http.Request, sess state.Session) (string, error) {
	now := h.st.Now()
	claims := AccessClaims{
		SessionID:      sess.ID,
		OrganizationID: sess.OrganizationID,
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    baseURL(r) + "/user_management/" + h.opts.ClientID,
			Subject:   sess.UserID,
			ID:        state.WorkOSID("jwt", ""),
			IssuedAt:  jwt.NewNumericDate(now.Truncate(time.Second)),
			ExpiresAt: jwt.NewNumericDate(now.Add(h.opts.AccessTokenTTL).Truncate(time.Second)),
		},
	}
	if sess.OrganizationID != "" {
		if m, ok := h.st.MembershipOf(sess.UserID, sess.OrganizationID); ok {
			claims.Role = m.Role
			claims.Permissions = rolePermissions[m.Role]
		}
	}
	t := jwt.NewWithClaims(jwt.SigningMethodRS256, claims)
	t.Header["kid"] = h.keys.kid
	return t.SignedString(h.keys.private)
}

func (h *Handler) jwks(w http.ResponseWriter, r *http.Request) {
	if r.PathValue("client_id") != h.opts.ClientID {
		writeJSON(w, http.StatusNotFound, map[string]string{"message": "Not Found"})
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=300")
	writeJSON(w, http.StatusOK, h.keys.JWKS())
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
