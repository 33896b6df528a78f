package api_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/spectest"
)

// The api package knows nothing of tokens, so its tests sign in by driving
// the emulator's WorkOS half directly (authorize redirect + code exchange,
// refresh to switch) and add the bearer with a small test transport.

// coverage collects the operations every test of the package exercised.
var coverage = spectest.NewCoverage()

type env struct {
	t      *testing.T
	srv    *emulator.Server
	tokens *tokens
	client *api.Client
	notes  *notices
}

// tokens is the test's session: one access token per organization.
type tokens struct {
	mu      sync.Mutex
	access  string
	refresh string
	org     string
}

func (tk *tokens) get() string {
	tk.mu.Lock()
	defer tk.mu.Unlock()
	return tk.access
}

type notices struct {
	mu   sync.Mutex
	list []api.Notice
}

func (n *notices) add(x api.Notice) {
	n.mu.Lock()
	n.list = append(n.list, x)
	n.mu.Unlock()
}

func (n *notices) all() []api.Notice {
	n.mu.Lock()
	defer n.mu.Unlock()
	return append([]api.Notice(nil), n.list...)
}

// newEnv starts an emulator (demo seed unless opts says otherwise), signs in
// as email and returns a client whose traffic is validated against the spec.
func newEnv(t *testing.T, opts emulator.Options, email string) *env {
	t.Helper()
	srv, err := emulator.Start("127.0.0.1:0", opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	current = t
	e := &env{t: t, srv: srv, notes: &notices{}}
	e.tokens = e.signIn(email)
	e.client = e.newClient()
	return e
}

func (e *env) newClient(opts ...api.Option) *api.Client {
	hc := &http.Client{Transport: bearer{tk: e.tokens, base: coverage.Transport(e.t, nil)}}
	base := []api.Option{api.WithRetry(api.Retry{Attempts: 3, Base: time.Millisecond, Max: 10 * time.Millisecond}),
		api.WithNotice(e.notes.add)}
	return api.New(e.srv.APIURL, hc, append(base, opts...)...)
}

type bearer struct {
	tk   *tokens
	base http.RoundTripper
}

func (b bearer) RoundTrip(req *http.Request) (*http.Response, error) {
	r := req.Clone(req.Context())
	r.Header.Set("Authorization", "Bearer "+b.tk.get())
	return b.base.RoundTrip(r)
}

func (e *env) signIn(email string) *tokens {
	e.t.Helper()
	verifier := rand.Text() + rand.Text()
	sum := sha256.Sum256([]byte(verifier))
	q := url.Values{
		"client_id": {e.srv.ClientID}, "redirect_uri": {"http://127.0.0.1:9/callback"}, "response_type": {"code"},
		"code_challenge": {base64.RawURLEncoding.EncodeToString(sum[:])}, "code_challenge_method": {"S256"},
		"state": {"s"}, "provider": {"authkit"}, "login_hint": {email},
	}
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := hc.Get(e.srv.AuthURL + "/user_management/authorize?" + q.Encode())
	if err != nil {
		e.t.Fatal(err)
	}
	resp.Body.Close()
	loc, err := url.Parse(resp.Header.Get("Location"))
	if err != nil || loc.Query().Get("code") == "" {
		e.t.Fatalf("authorize: %d, no code in %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	tk := &tokens{}
	e.authenticate(tk, map[string]string{"grant_type": "authorization_code", "code": loc.Query().Get("code"),
		"code_verifier": verifier})
	return tk
}

// switchTo refreshes into another organization, as auth does.
func (e *env) switchTo(orgExternalID string) {
	e.t.Helper()
	e.authenticate(e.tokens, map[string]string{"grant_type": "refresh_token", "refresh_token": e.tokens.refresh,
		"organization_id": orgExternalID})
}

func (e *env) authenticate(tk *tokens, fields map[string]string) {
	e.t.Helper()
	fields["client_id"] = e.srv.ClientID
	body, _ := json.Marshal(fields)
	resp, err := http.Post(e.srv.AuthURL+"/user_management/authenticate", "application/json", bytes.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var r struct {
		AccessToken    string `json:"access_token"`
		RefreshToken   string `json:"refresh_token"`
		OrganizationID string `json:"organization_id"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil || r.AccessToken == "" {
		e.t.Fatalf("authenticate (%s): HTTP %d %v", fields["grant_type"], resp.StatusCode, err)
	}
	tk.mu.Lock()
	tk.access, tk.refresh, tk.org = r.AccessToken, r.RefreshToken, r.OrganizationID
	tk.mu.Unlock()
}

// hook calls an /_emulator/ endpoint.
func (e *env) hook(method, path string, body any) []byte {
	e.t.Helper()
	var rd *bytes.Reader
	if body != nil {
		data, _ := json.Marshal(body)
		rd = bytes.NewReader(data)
	} else {
		rd = bytes.NewReader(nil)
	}
	req, _ := http.NewRequest(method, e.srv.URL+"/_emulator/"+path, rd)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	_, _ = buf.ReadFrom(resp.Body) // only for the failure message
	if resp.StatusCode/100 != 2 {
		e.t.Fatalf("hook %s %s: HTTP %d %s", method, path, resp.StatusCode, buf.String())
	}
	return buf.Bytes()
}

type fault struct {
	Method      string `json:"method"`
	Path        string `json:"path"`
	Status      int    `json:"status,omitempty"`
	Body        string `json:"body,omitempty"`
	ContentType string `json:"content_type,omitempty"`
	RetryAfter  string `json:"retry_after,omitempty"`
	Count       int    `json:"count"`
	Reset       bool   `json:"reset,omitempty"`
}

func (e *env) fault(f fault) { e.hook(http.MethodPost, "faults", f) }

type logged struct {
	Method        string    `json:"method"`
	Path          string    `json:"path"`
	Query         string    `json:"query"`
	Status        int       `json:"status"`
	ProjectHeader string    `json:"project_header"`
	Time          time.Time `json:"time"`
	DurationMS    float64   `json:"duration_ms"`
	InFlight      int       `json:"in_flight"`
}

// answered is when the emulator answered the request.
func (l logged) answered() time.Time {
	return l.Time.Add(time.Duration(l.DurationMS * float64(time.Millisecond)))
}

// requests returns the API requests (paths under /v1/) logged since the last clear.
func (e *env) requests() []logged {
	var all, out []logged
	if err := json.Unmarshal(e.hook(http.MethodGet, "requests", nil), &all); err != nil {
		e.t.Fatal(err)
	}
	for _, r := range all {
		if strings.HasPrefix(r.Path, "/v1/") {
			out = append(out, r)
		}
	}
	return out
}

func (e *env) clearRequests() { e.hook(http.MethodDelete, "requests", nil) }

func (e *env) count(method, path string) int {
	n := 0
	for _, r := range e.requests() {
		if r.Method == method && r.Path == path {
			n++
		}
	}
	return n
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return c
}

// current is the running test, for must (tests of this package are not parallel).
var current *testing.T

// must returns v, or fails the running test on err.
func must[T any](v T, err error) T {
	current.Helper()
	if err != nil {
		current.Fatal(err)
	}
	return v
}

func orgByName(t *testing.T, orgs []api.Organization, name string) api.Organization {
	t.Helper()
	for _, o := range orgs {
		if o.Name == name {
			return o
		}
	}
	t.Fatalf("no organization %s in %d", name, len(orgs))
	return api.Organization{}
}

var _ = fmt.Sprintf
