// Package screentest runs one screen against the emulator over real HTTP,
// standing in for the root: a signed-in session (browser flow against the
// non-interactive emulator), the real app wired from its parts as the root's
// caller does (which is why it lives outside tui/screens, whose code may use
// app alone), a common.Context like the root's, and a Driver (the one model
// driver, internal/teadriver) that keeps what the screen sends the root.
package screentest

import (
	"context"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/store"
	"github.com/panel-dev/panel/tui/common"
)

// Env is a signed-in user against a running emulator.
type Env struct {
	Srv *emulator.Server
	Ctx *common.Context
	App *app.App
}

// Width and Height are the screen area tests use (80×24 minus the chrome).
const (
	Width  = 80
	Height = 20
)

// New starts an emulator with opts and signs email in.
func New(t testing.TB, opts emulator.Options, email string) *Env {
	t.Helper()
	e := NewSignedOut(t, opts)
	signIn(t, e.Ctx.Ctx, e.App.Session, email)
	e.refreshIdentity(t)
	return e
}

// NewSignedOut starts an emulator with opts and returns a profile with no
// session yet (the sign-in screen's tests); Ctx.SignedOut is set.
func NewSignedOut(t testing.TB, opts emulator.Options) *Env {
	t.Helper()
	dir := profileDir(t)
	srv, err := emulator.Start("127.0.0.1:0", opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)

	st := store.Open(dir, nil)
	sess, err := auth.NewSession(auth.Options{ClientID: srv.ClientID, AuthURL: srv.AuthURL, ProfileDir: dir,
		InsecureStorage: true, ProjectHeader: st.CurrentProject})
	if err != nil {
		t.Fatal(err)
	}
	hc := &http.Client{Timeout: 30 * time.Second, Transport: sess.Transport(app.ProjectGuard(http.DefaultTransport, st))}
	client := api.New(srv.APIURL, hc, api.WithRetry(api.Retry{Attempts: 1, Base: time.Millisecond, Max: time.Millisecond}))

	c := common.NewContext(ctx, true, nil)
	c.Width, c.Height = Width, Height
	a := &app.App{Session: sess, API: client, Store: st}
	c.App = a
	c.SignedOut = true
	return &Env{Srv: srv, Ctx: c, App: a}
}

// signIn runs the browser sign-in with an HTTP client standing in for the browser.
func signIn(t testing.TB, ctx context.Context, sess *auth.Session, email string) {
	t.Helper()
	login, err := sess.BeginBrowserLogin(ctx, auth.LoginOptions{Email: email, Timeout: 30 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer login.Close()
	go func() {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, login.URL(), nil)
		if err != nil {
			return // Wait below reports the sign-in that never came
		}
		if resp, err := http.DefaultClient.Do(req); err == nil {
			_ = resp.Body.Close()
		}
	}()
	if _, err := login.Wait(ctx); err != nil {
		t.Fatalf("sign in %s: %v", email, err)
	}
}

func (e *Env) refreshIdentity(t testing.TB) {
	t.Helper()
	e.Ctx.SignedOut = false
	info, err := e.App.Session.Info(e.Ctx.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	e.Ctx.SessionInfo = info
	org, err := e.App.API.GetCurrentOrganization(e.Ctx.Ctx)
	if err != nil && !api.IsNotFound(err) {
		t.Fatal(err)
	}
	e.Ctx.Org = org
}

// Switch does what the root does on SwitchOrgMsg: the one switch path,
// a new generation, the new organization in the context. It returns the
// message the root broadcasts.
func (e *Env) Switch(t testing.TB, externalID string) common.OrgSwitchedMsg {
	t.Helper()
	target, err := e.App.FindOrganization(e.Ctx.Ctx, externalID)
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.App.SwitchOrganization(e.Ctx.Ctx, *target, nil)
	if err != nil {
		t.Fatal(err)
	}
	gen := e.Ctx.NextGeneration()
	e.refreshIdentity(t)
	e.Ctx.Project = res.Project
	return common.OrgSwitchedMsg{Org: res.Organization, Gen: gen}
}

// RunSwitch does what the root does on SwitchViaMsg: it runs the operation
// with the one switch path's bookkeeping and returns the two messages the
// root broadcasts (OrgSwitchedMsg only when the switch happened).
func (e *Env) RunSwitch(t testing.TB, via common.SwitchViaMsg) (common.SwitchFinishedMsg, *common.OrgSwitchedMsg) {
	t.Helper()
	res, err := via.Run(e.Ctx.Ctx, func(app.SwitchProgress) {})
	done := common.SwitchFinishedMsg{Stamp: via.Stamp, Result: res, Err: err}
	if err != nil || res == nil {
		return done, nil
	}
	gen := e.Ctx.NextGeneration()
	e.refreshIdentity(t)
	e.Ctx.Project = res.Project
	return done, &common.OrgSwitchedMsg{Org: res.Organization, Gen: gen}
}

// profileDir is the profile's directory, removed after everything else of the test has stopped. A command the
// screen started may still be writing there when the test has seen what it waited for (a list remembers its
// names after drawing them); t.TempDir's removal then fails on the file being written. This one waits for
// such a write to finish (an atomic write is a temporary file renamed).
func profileDir(t testing.TB) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "panel-screentest-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		deadline := time.Now().Add(5 * time.Second)
		for {
			err := os.RemoveAll(dir)
			if err == nil {
				return
			}
			if time.Now().After(deadline) {
				t.Errorf("removing the profile directory: %v", err)
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
	return dir
}
