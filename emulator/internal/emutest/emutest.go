// Package emutest drives an in-process emulator over real HTTP for the emulator's own tests: it plays the
// browser (following no redirects) and the native client (PKCE, code exchange, refresh).
package emutest

import (
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/golang-jwt/jwt/v5"

	"github.com/panel-dev/panel/emulator"
)

// Callback is the loopback redirect URI the tests register (nothing listens there: the test reads the
// Location header instead).
const Callback = "http://127.0.0.1:53682/callback"

// Start runs an emulator on 127.0.0.1:0 for the test's lifetime.
func Start(t testing.TB, opts emulator.Options) *emulator.Server {
	t.Helper()
	srv, err := emulator.Start("127.0.0.1:0", opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	return srv
}

// Client talks to one emulator and never follows redirects.
type Client struct {
	T    testing.TB
	Srv  *emulator.Server
	HTTP *http.Client
}

// NewClient returns a client of srv.
func NewClient(t testing.TB, srv *emulator.Server) *Client {
	return &Client{T: t, Srv: srv, HTTP: &http.Client{
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// Response is an answer with its whole body read.
type Response struct {
	*http.Response
	Body []byte
}

// Do sends a request and reads the whole body.
func (c *Client) Do(method, path string, body io.Reader, contentType string) *Response {
	c.T.Helper()
	req, err := http.NewRequestWithContext(c.T.Context(), method, c.Srv.URL+path, body)
	if err != nil {
		c.T.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		c.T.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.T.Fatal(err)
	}
	return &Response{Response: resp, Body: b}
}

// Get requests path with a query.
func (c *Client) Get(path string, q url.Values) *Response {
	c.T.Helper()
	if q != nil {
		path += "?" + q.Encode()
	}
	return c.Do(http.MethodGet, path, nil, "")
}

// PostForm posts a form.
func (c *Client) PostForm(path string, v url.Values) *Response {
	c.T.Helper()
	return c.Do(http.MethodPost, path, strings.NewReader(v.Encode()), "application/x-www-form-urlencoded")
}

// PostJSON posts a JSON body.
func (c *Client) PostJSON(path string, v any) *Response {
	c.T.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		c.T.Fatal(err)
	}
	return c.Do(http.MethodPost, path, strings.NewReader(string(b)), "application/json")
}

// Decode unmarshals a JSON body or fails the test.
func Decode[T any](t testing.TB, body []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("decode %q: %v", body, err)
	}
	return v
}

// PKCE returns a verifier and its S256 challenge.
func PKCE() (verifier, challenge string) {
	verifier = "test-verifier-" + strings.Repeat("x", 40)
	sum := sha256.Sum256([]byte(verifier))
	return verifier, base64.RawURLEncoding.EncodeToString(sum[:])
}

// Claims verifies an access token with the key published at the emulator's JWKS URL and returns its claims.
func (c *Client) Claims(token string) jwt.MapClaims {
	c.T.Helper()
	resp := c.Get("/sso/jwks/"+c.Srv.ClientID, nil)
	if resp.StatusCode != http.StatusOK {
		c.T.Fatalf("jwks: %d %s", resp.StatusCode, resp.Body)
	}
	set := Decode[struct {
		Keys []struct{ Kid, N, E, Alg string }
	}](c.T, resp.Body)
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(token, claims, func(t *jwt.Token) (any, error) {
		for _, k := range set.Keys {
			if k.Kid == t.Header["kid"] {
				n, _ := base64.RawURLEncoding.DecodeString(k.N)
				e, _ := base64.RawURLEncoding.DecodeString(k.E)
				return &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())}, nil
			}
		}
		return nil, jwt.ErrTokenUnverifiable
	}, jwt.WithValidMethods([]string{"RS256"}))
	if err != nil {
		c.T.Fatalf("access token does not verify against the JWKS: %v", err)
	}
	return claims
}
