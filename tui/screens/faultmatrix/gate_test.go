package faultmatrix_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/teadriver"
	"github.com/panel-dev/panel/tui"
)

// The gate's two reads (B12): the profile and the current organization (the session check, which the
// TUI repeats every SessionCheckEvery).
var gateReads = []struct {
	name, path string
	rechecked  bool // the periodic session check asks it again
}{
	{"profile", "/v1/account/profile", false},
	{"current organization", api.PathCurrentOrganization, true},
}

// TestFaultMatrixThroughTheGate: a signed-in user starts the TUI while one of the gate's reads fails.
// The TUI stays signed in on home and says what happened; the session check retries (and says so while
// the fault lasts); once the fault is cleared the next check gets through. The token is the same
// throughout.
func TestFaultMatrixThroughTheGate(t *testing.T) {
	var wg sync.WaitGroup
	for _, read := range gateReads {
		wg.Go(func() {
			t.Run(read.name, func(t *testing.T) {
				srv, a := signedInApp(t)
				for _, f := range faults {
					t.Run(f.name, func(t *testing.T) { faultGate(t, srv, a, read.path, read.rechecked, f) })
				}
			})
		})
	}
	wg.Wait()
}

func faultGate(t *testing.T, srv *emulator.Server, a *app.App, path string, rechecked bool, f fault) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	token, err := a.Session.Token(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a.API.Cache().InvalidateAll()
	arm(t, srv, "GET", path, f.hook)
	t.Cleanup(func() { arm(t, srv, "", "", nil) })
	r := startRoot(t, ctx, tui.New(ctx, tui.Deps{App: a, NoColor: true, SessionCheckEvery: 100 * time.Millisecond,
		Clipboard: &bytes.Buffer{}}))
	r.waitFor("the gate to say what happened: "+f.says, func(v string) bool {
		return (strings.Contains(v, "could not reach the api") || strings.Contains(v, "session check failed")) &&
			strings.Contains(v, f.says) && onHome(v)
	})
	if rechecked && f.name == "429 not JSON" {
		// B21: after a 429 the check slows down (3 minutes) and says so; the next check is not waited for.
		r.waitFor("the session check to back off and say so", func(v string) bool {
			return strings.Contains(v, "rate limiting panel; checking less often") && onHome(v)
		})
		if tok, err := a.Session.Token(ctx); err != nil || tok != token {
			t.Errorf("the session changed under %s: %v", f.name, err)
		}
		return
	}
	if rechecked {
		r.waitFor("the session check to retry and say so", func(v string) bool {
			return strings.Contains(v, "session check failed") && strings.Contains(v, f.says) && onHome(v)
		})
	}
	arm(t, srv, "", "", nil)
	cleared := time.Now()
	r.waitFor("a session check that gets through, and the organization", func(v string) bool {
		return onHome(v) && strings.Contains(v, "org acme") && checkedSince(t, srv, cleared)
	})
	if tok, err := a.Session.Token(ctx); err != nil || tok != token {
		t.Errorf("the session changed under %s: %v", f.name, err)
	}
}

// onHome: still signed in, on the home screen.
func onHome(v string) bool {
	return strings.Contains(v, "signed in as alice@example.com") && !strings.Contains(v, "sign in to panel")
}

// checkedSince reports a session check answered 200 since then.
func checkedSince(t *testing.T, srv *emulator.Server, since time.Time) bool {
	t.Helper()
	res, err := http.Get(srv.URL + "/_emulator/requests")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var log []struct {
		Method, Path string
		Status       int
		Time         time.Time
	}
	if err := json.NewDecoder(res.Body).Decode(&log); err != nil {
		t.Fatal(err)
	}
	for _, e := range log {
		if e.Method == "GET" && e.Path == api.PathCurrentOrganization && e.Status == 200 && !e.Time.Before(since) {
			return true
		}
	}
	return false
}

// signedInApp starts an emulator and signs alice in (tokens in a 0600 file) with short request timeouts.
func signedInApp(t *testing.T) (*emulator.Server, *app.App) {
	t.Helper()
	srv, err := emulator.Start("127.0.0.1:0", emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	// Not t.TempDir: a command of the last model may still write the store while the test ends.
	dir, err := os.MkdirTemp("", "panel-faults-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	a, err := app.New(app.Config{ClientID: srv.ClientID, AuthURL: srv.AuthURL, APIURL: srv.APIURL,
		ProfileDir: dir, Profile: "faults", InsecureStorage: true, RequestTimeout: requestTimeout,
		APIOptions: []api.Option{api.WithRetry(fastRetry)}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	login, err := a.Session.BeginBrowserLogin(ctx, auth.LoginOptions{Email: "alice@example.com", Timeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	defer login.Close()
	go func() { // the browser
		if res, err := http.Get(login.URL()); err == nil {
			res.Body.Close()
		}
	}()
	if _, err := login.Wait(ctx); err != nil {
		t.Fatalf("sign in: %v", err)
	}
	return srv, a
}

// root drives the root model with the one model driver.
type root struct {
	t *testing.T
	d *teadriver.Driver
}

func startRoot(t *testing.T, ctx context.Context, m tea.Model) *root {
	d := teadriver.New(ctx.Done(), m)
	d.T = t
	d.Start(400, 30) // wide: the status line holds the whole message
	return &root{t: t, d: d}
}

// waitFor feeds messages until cond holds for the frame (flattened, lower case); cond is asked again as
// time passes, as it may look outside the model. The TUI must not quit.
func (r *root) waitFor(what string, cond func(view string) bool) {
	r.t.Helper()
	r.d.WaitFor(what, func() bool {
		if r.d.Quit() {
			r.t.Fatal("the TUI quit")
		}
		return cond(flat(r.d.View()))
	})
}

// The warning of a gate that could not reach the API goes once a session check gets through.
func TestGateWarningGoesWhenTheAPIIsBack(t *testing.T) {
	srv, a := signedInApp(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	arm(t, srv, "GET", "/v1/account/profile", faults[0].hook)
	r := startRoot(t, ctx, tui.New(ctx, tui.Deps{App: a, NoColor: true, SessionCheckEvery: 100 * time.Millisecond,
		Clipboard: &bytes.Buffer{}}))
	r.waitFor("the gate's warning", func(v string) bool { return strings.Contains(v, "could not reach the api") })
	arm(t, srv, "", "", nil)
	cleared := time.Now()
	r.waitFor("the warning to go after a session check got through", func(v string) bool {
		return checkedSince(t, srv, cleared) && !strings.Contains(v, "could not reach the api")
	})
}
