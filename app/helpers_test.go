package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/spectest"
)

type env struct {
	t   testing.TB
	srv *emulator.Server
	app *app.App
	dir string
}

func startEmulator(t testing.TB, o emulator.Options) *emulator.Server {
	t.Helper()
	srv, err := emulator.Start("127.0.0.1:0", o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}

// newEnv wires an App on a fresh profile (tokens in the 0600 file) and signs
// email in through auth's browser flow, the test playing the browser.
func newEnv(t testing.TB, srv *emulator.Server, email string) *env {
	t.Helper()
	dir := t.TempDir()
	a, err := app.New(app.Config{ClientID: srv.ClientID, AuthURL: srv.AuthURL, APIURL: srv.APIURL,
		ProfileDir: dir, Profile: "test", InsecureStorage: true, Base: spectest.Transport(t, nil),
		APIOptions: []api.Option{api.WithRetry(api.Retry{Attempts: 3, Base: time.Millisecond, Max: 5 * time.Millisecond})}})
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, srv: srv, app: a, dir: dir}
	if email != "" {
		e.signIn(email)
	}
	return e
}

func (e *env) signIn(email string) {
	e.t.Helper()
	e.signInWith(auth.LoginOptions{Email: email})
}

// signInWith signs in through the browser flow with o, the test playing the
// browser.
func (e *env) signInWith(o auth.LoginOptions) *app.SignedIn {
	e.t.Helper()
	bl, err := e.app.Session.BeginBrowserLogin(ctx(e.t), o)
	if err != nil {
		e.t.Fatal(err)
	}
	defer bl.Close()
	go browse(bl.URL())
	res, err := bl.Wait(ctx(e.t))
	if err != nil {
		e.t.Fatalf("sign in: %v", err)
	}
	return res
}

// browse plays the browser: it follows the sign-in URL to the callback.
func browse(url string) {
	if resp, err := http.Get(url); err == nil {
		resp.Body.Close()
	}
}

func ctx(t testing.TB) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return c
}

func (e *env) hook(method, path string, body any) []byte {
	e.t.Helper()
	data, _ := json.Marshal(body)
	if body == nil {
		data = nil
	}
	req, _ := http.NewRequest(method, e.srv.URL+"/_emulator/"+path, bytes.NewReader(data))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	_, _ = buf.ReadFrom(resp.Body) // only for the failure message
	if resp.StatusCode/100 != 2 {
		e.t.Fatalf("hook %s: HTTP %d %s", path, resp.StatusCode, buf.String())
	}
	return buf.Bytes()
}

type logged struct {
	Method        string `json:"method"`
	Path          string `json:"path"`
	Query         string `json:"query"`
	Status        int    `json:"status"`
	ProjectHeader string `json:"project_header"`
}

// requests returns the emulator's request log (both backends).
func (e *env) requests() []logged {
	var all []logged
	if err := json.Unmarshal(e.hook(http.MethodGet, "requests", nil), &all); err != nil {
		e.t.Fatal(err)
	}
	return all
}

func (e *env) clearRequests() { e.hook(http.MethodDelete, "requests", nil) }

func (e *env) org(name string) api.Organization {
	e.t.Helper()
	orgs, err := e.app.API.AllUserOrganizations(ctx(e.t), api.ListUserOrganizationsParams{Statuses: api.LiveOrganizationStatuses})
	if err != nil {
		e.t.Fatal(err)
	}
	for _, o := range orgs {
		if o.Name == name {
			return o
		}
	}
	e.t.Fatalf("no organization %s", name)
	return api.Organization{}
}

// projectIDs are the ids of an organization's projects, read in the
// emulator's state (the test's view of the truth).
func (e *env) projectIDs(orgExternalID string) map[string]bool {
	ids := map[string]bool{}
	for _, p := range e.srv.State().Projects(orgExternalID) {
		ids[p.ID] = true
	}
	return ids
}

func isAPI(r logged) bool { return strings.HasPrefix(r.Path, "/v1/") }

func asAPIError(err error, target **api.Error) bool { return errors.As(err, target) }

func mustUser(t *testing.T, srv *emulator.Server, email string) string {
	t.Helper()
	for _, u := range srv.State().Users() {
		if u.Email == email {
			return u.ID
		}
	}
	t.Fatalf("no user %s", email)
	return ""
}
