package tui

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/testmain"
)

// browserEnv makes the test binary act as the browser: BROWSER runs it with
// the authorize URL as its one argument, and it follows the redirects to the
// loopback callback like a browser would.
const browserEnv = "PANEL_TUI_TEST_BROWSER"

func TestMain(m *testing.M) {
	testmain.Run(m, testmain.ASCIIColors(), testmain.ActAsBrowser(browserEnv))
}

// env is one profile against a running emulator.
type env struct {
	t   testing.TB
	srv *emulator.Server
	dir string
}

func newEnv(t testing.TB, opts emulator.Options) *env {
	t.Helper()
	srv, err := emulator.Start("127.0.0.1:0", opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	t.Setenv(browserEnv, "1")
	// Not t.TempDir: a command still running when the test ends (a store
	// write after a timer) may add a file while it is being removed.
	dir, err := os.MkdirTemp("", "panel-tui-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	return &env{t: t, srv: srv, dir: dir}
}

// deps builds a fresh app for the profile, as a new process would.
func (e *env) deps() Deps { return e.depsIn("") }

// depsIn is deps for a process started with --organization-id org (B16).
func (e *env) depsIn(org string) Deps {
	e.t.Helper()
	a, err := app.New(app.Config{ClientID: e.srv.ClientID, AuthURL: e.srv.AuthURL, APIURL: e.srv.APIURL,
		ProfileDir: filepath.Join(e.dir, "profile"), Profile: "test", InsecureStorage: true, Organization: org})
	if err != nil {
		e.t.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		e.t.Fatal(err)
	}
	return Deps{App: a, NoColor: true, Browser: exe, ClientID: e.srv.ClientID, APIURL: e.srv.APIURL,
		Clipboard: &bytes.Buffer{}}
}

// hook calls an emulator test hook.
func (e *env) hook(path string, body any) {
	e.t.Helper()
	b, _ := json.Marshal(body)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, e.srv.URL+path, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode >= 300 {
		e.t.Fatalf("hook %s: HTTP %d", path, resp.StatusCode)
	}
}
