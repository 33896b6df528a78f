package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"strings"
)

// randomString returns n random bytes, base64url-encoded without padding.
func randomString(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return base64.RawURLEncoding.EncodeToString(b)
}

// pkce is an RFC 7636 verifier and its S256 challenge.
type pkce struct{ verifier, challenge string }

func newPKCE() pkce {
	v := randomString(32) // 43 characters, the minimum length allowed
	sum := sha256.Sum256([]byte(v))
	return pkce{verifier: v, challenge: base64.RawURLEncoding.EncodeToString(sum[:])}
}

// newState returns a random state that also carries where to land (next, B4) and the organization the
// sign-in asked for (org, B28): "<nonce>[.<base64url(next)>[.<base64url(org)>]]".
func newState(next, org string) string {
	s := randomString(24)
	if next != "" || org != "" {
		s += "." + base64.RawURLEncoding.EncodeToString([]byte(next))
	}
	if org != "" {
		s += "." + base64.RawURLEncoding.EncodeToString([]byte(org))
	}
	return s
}

// nextFromState recovers next from a state built by newState ("" when absent or malformed).
func nextFromState(state string) string {
	next, _ := fromState(state)
	return next
}

// fromState recovers next and the organization from a state built by newState ("" for a part absent or
// malformed).
func fromState(state string) (next, org string) {
	_, rest, ok := strings.Cut(state, ".")
	if !ok {
		return "", ""
	}
	encNext, encOrg, _ := strings.Cut(rest, ".")
	return decodeStatePart(encNext), decodeStatePart(encOrg)
}

func decodeStatePart(enc string) string {
	b, err := base64.RawURLEncoding.DecodeString(enc)
	if err != nil {
		return ""
	}
	return string(b)
}

func sameSecret(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}
