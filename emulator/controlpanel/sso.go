package controlpanel

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

// cannyAuth is CannyAuth: an SSO token for Canny, an HS256 JWT of the
// signed-in user signed with the seed's Canny private key (Canny's format).
func (h *handler) cannyAuth(w http.ResponseWriter, r *http.Request, c *caller) {
	var body struct{}
	if !readBody(w, r, &body) {
		return
	}
	key := h.st.Settings().CannyPrivateKey
	if key == "" {
		writeError(w, http.StatusServiceUnavailable, codeInternal, "Canny SSO is not configured")
		return
	}
	token, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"id": c.user.ID, "email": c.user.Email, "name": c.user.Name(), "avatarURL": avatarURL(c.user.Email),
	}).SignedString([]byte(key))
	if err != nil {
		writeError(w, http.StatusInternalServerError, codeInternal, "Could not sign the Canny token")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"token": token})
}

// discourseAuth is DiscourseAuth, the provider side of Discourse Connect:
// payload is the base64 "nonce=…&return_sso_url=…" Discourse sent and sig its
// hex HMAC-SHA256 under the shared secret. The reply carries the signed-in
// user with the nonce echoed: sso is the base64 payload already URL-encoded
// (put it in the URL as is) and sig the hex HMAC of the base64 payload.
func (h *handler) discourseAuth(w http.ResponseWriter, r *http.Request, c *caller) {
	var body struct {
		Payload string `json:"payload"`
		Sig     string `json:"sig"`
	}
	if !readBody(w, r, &body) {
		return
	}
	secret := h.st.Settings().DiscourseSSOSecret
	if secret == "" {
		writeError(w, http.StatusServiceUnavailable, codeInternal, "Discourse SSO is not configured")
		return
	}
	if body.Payload == "" {
		badField(w, "payload", "cannot be blank")
		return
	}
	if !hmac.Equal([]byte(strings.ToLower(body.Sig)), []byte(discourseSign(secret, body.Payload))) {
		badField(w, "sig", "does not match the payload")
		return
	}
	raw, err := base64.StdEncoding.DecodeString(body.Payload)
	if err != nil {
		badField(w, "payload", "is not base64")
		return
	}
	request, err := url.ParseQuery(string(raw))
	if err != nil || request.Get("nonce") == "" {
		badField(w, "payload", "has no nonce")
		return
	}
	reply := url.Values{
		"nonce":          {request.Get("nonce")},
		"email":          {c.user.Email},
		"external_id":    {c.user.ID},
		"username":       {strings.SplitN(c.user.Email, "@", 2)[0]},
		"name":           {c.user.Name()},
		"avatar_url":     {avatarURL(c.user.Email)},
		"return_sso_url": {request.Get("return_sso_url")},
	}
	sso := base64.StdEncoding.EncodeToString([]byte(reply.Encode()))
	writeJSON(w, http.StatusOK, map[string]any{"sso": url.QueryEscape(sso), "sig": discourseSign(secret, sso)})
}

// discourseSign is Discourse Connect's signature: hex HMAC-SHA256 of the base64 payload.
func discourseSign(secret, payload string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(payload))
	return hex.EncodeToString(mac.Sum(nil))
}
