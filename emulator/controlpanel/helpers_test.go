package controlpanel_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"testing"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/internal/emutest"
	"github.com/panel-dev/panel/internal/spectest"
)

// env is one emulator for one test, with the WorkOS half to sign in through.
type env struct {
	t    *testing.T
	srv  *emulator.Server
	auth *emutest.Client
}

func newEnv(t *testing.T) *env {
	t.Helper()
	srv := emutest.Start(t, emulator.Options{})
	return &env{t: t, srv: srv, auth: emutest.NewClient(t, srv)}
}

// signIn signs email in through the WorkOS half (orgID "" = the default
// organization) and returns an API client carrying the access token.
func (e *env) signIn(email, orgID string) *client {
	e.t.Helper()
	extra := map[string]string{"login_hint": email}
	if orgID != "" {
		extra["organization_id"] = orgID
	}
	tokens := e.auth.SignIn(extra)
	return e.client(tokens.AccessToken)
}

// client calls the API with a given token ("" = none), validating every
// request and response against the spec.
func (e *env) client(token string) *client {
	return &client{t: e.t, base: e.srv.APIURL, token: token,
		http: &http.Client{Transport: coverage.Transport(e.t, nil)}}
}

type client struct {
	t       *testing.T
	base    string
	token   string
	project string // x-koyeb-project-id, when set
	http    *http.Client
}

// reply is an API answer: status and the decoded JSON body.
type reply struct {
	status int
	body   map[string]any
	raw    []byte
}

func (c *client) get(path string, q url.Values) reply {
	c.t.Helper()
	if q != nil {
		path += "?" + q.Encode()
	}
	return c.do(http.MethodGet, path, nil, false)
}

func (c *client) post(path string, body any) reply {
	c.t.Helper()
	return c.do(http.MethodPost, path, body, false)
}

func (c *client) put(path string, body any) reply {
	c.t.Helper()
	return c.do(http.MethodPut, path, body, false)
}

func (c *client) delete(path string) reply {
	c.t.Helper()
	return c.do(http.MethodDelete, path, nil, false)
}

// offContract sends a request that breaks the spec on purpose (no token, a
// bad enum, limit over 100): only the response is validated.
func (c *client) offContract(method, path string) reply {
	c.t.Helper()
	return c.do(method, path, nil, true)
}

func (c *client) do(method, path string, body any, unchecked bool) reply {
	c.t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			c.t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, c.base+path, rd)
	if err != nil {
		c.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	if c.project != "" {
		req.Header.Set("X-Koyeb-Project-Id", c.project)
	}
	if unchecked {
		req = spectest.UncheckedRequest(req)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	r := reply{status: resp.StatusCode, raw: raw}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &r.body); err != nil {
			c.t.Fatalf("%s %s: body is not a JSON object: %q", method, path, raw)
		}
	}
	return r
}

// want checks the status, printing the body when it differs.
func (r reply) want(t *testing.T, status int) reply {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d: %s", r.status, status, r.raw)
	}
	return r
}

// wantError checks an error answer {status, code, message}.
func (r reply) wantError(t *testing.T, status int, code, message string) {
	t.Helper()
	r.want(t, status)
	if r.body["status"] != float64(status) || r.body["code"] != code || (message != "" && r.body["message"] != message) {
		t.Fatalf("error body %s, want status %d code %q message %q", r.raw, status, code, message)
	}
}

// wantField checks a 400 naming one input in fields.
func (r reply) wantField(t *testing.T, field string) {
	t.Helper()
	r.wantError(t, http.StatusBadRequest, "invalid_argument", "")
	for _, f := range list(r.body["fields"]) {
		if f["field"] == field && f["description"] != "" {
			return
		}
	}
	t.Fatalf("no field %q in %s", field, r.raw)
}

// object returns body[key] as an object.
func (r reply) object(key string) map[string]any {
	m, _ := r.body[key].(map[string]any)
	return m
}

// list returns a JSON array of objects.
func list(v any) []map[string]any {
	items, _ := v.([]any)
	out := make([]map[string]any, 0, len(items))
	for _, it := range items {
		m, _ := it.(map[string]any)
		out = append(out, m)
	}
	return out
}

// names lists the "name" of each object.
func names(items []map[string]any) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		s, _ := it["name"].(string)
		out = append(out, s)
	}
	return out
}

// emutestTokens decodes an authenticate answer.
func emutestTokens(t *testing.T, body []byte) emutest.Tokens {
	t.Helper()
	return emutest.Decode[emutest.Tokens](t, body)
}
