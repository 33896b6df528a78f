package main

import (
	"context"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/testnet"
)

// What a production WorkOS needs of a sign-in: a redirect URI registered with its port, a way to sign in
// as someone else than the browser's session, and an organization choice finished without a client secret.

// authorizeQueries returns the query of every authorize request the emulator saw.
func (e *testEnv) authorizeQueries() []url.Values {
	e.t.Helper()
	c := &cliEnv{testEnv: e}
	var out []url.Values
	for _, r := range c.requests() {
		if r.Path == "/user_management/authorize" {
			q, _ := url.ParseQuery(r.Query)
			out = append(out, q)
		}
	}
	return out
}

func TestLoginCallbackPort(t *testing.T) {
	e := newTestEnv(t, emulator.Options{})
	port := testnet.FixedPort(t)
	redirect := "http://127.0.0.1:" + strconv.Itoa(port) + "/callback"
	_, errOut, code := e.run(e.environ(), "", "login", "--callback-port", strconv.Itoa(port))
	if code != 0 || !strings.Contains(errOut, "Waiting for the sign-in at "+redirect) {
		t.Fatalf("login --callback-port exited %d:\n%s", code, errOut)
	}
	if q := e.authorizeQueries(); len(q) != 1 || q[0].Get("redirect_uri") != redirect {
		t.Fatalf("authorize asked for %v, want redirect_uri %s", q, redirect)
	}

	// The profile's callback_port does the same for every browser sign-in.
	port = testnet.FixedPort(t)
	config := "profiles:\n  default:\n    callback_port: " + strconv.Itoa(port) + "\n"
	if err := os.WriteFile(filepath.Join(e.dir, "config.yaml"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code = e.run(e.environ(), "", "login", "--force")
	if q := e.authorizeQueries(); code != 0 || q[len(q)-1].Get("redirect_uri") != "http://127.0.0.1:"+strconv.Itoa(port)+"/callback" {
		t.Fatalf("login with callback_port %d exited %d (%v):\n%s", port, code, q, errOut)
	}

	// A port in use says so, and what to do.
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	busyPort := strconv.Itoa(busy.Addr().(*net.TCPAddr).Port)
	_, errOut, code = e.run(e.environ(), "", "login", "--force", "--callback-port", busyPort)
	if code != 1 || !strings.Contains(errOut, "callback port "+busyPort) || !strings.Contains(errOut, "another `panel login`") {
		t.Fatalf("busy port exited %d:\n%s", code, errOut)
	}
	if _, errOut, code = e.run(e.environ(), "", "login", "--callback-port", "70000"); code != 1 || !strings.Contains(errOut, "not a TCP port") {
		t.Fatalf("port 70000 exited %d:\n%s", code, errOut)
	}
}

// WorkOS shows its own error page, and never redirects, when the redirect URI is not registered: the
// wait can only time out, and then it says why and what else works.
func TestLoginTimeoutSaysWhy(t *testing.T) {
	e := newTestEnv(t, emulator.Options{})
	env := e.environ("BROWSER=true") // a browser that opens and never comes back
	_, errOut, code := e.run(env, "", "login", "--timeout", "1s")
	for _, want := range []string{"timed out", "not registered", "--callback-port", "callback_port", "--no-browser", "paste",
		"panel login --device"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("the timeout does not say %q", want)
		}
	}
	if code != 1 {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
}

// --force asks AuthKit for its sign-in page (prompt=login): the browser's session is not reused.
func TestLoginForceAsksForTheSignInPage(t *testing.T) {
	e := newTestEnv(t, emulator.Options{})
	env := e.environ()
	if _, errOut, code := e.run(env, "", "login"); code != 0 {
		t.Fatalf("login: %s", errOut)
	}
	if _, errOut, code := e.run(env, "", "login", "--force", "--email", "bob@example.com"); code != 0 ||
		!strings.Contains(errOut, "Signed in as bob@example.com") {
		t.Fatalf("login --force exited %d:\n%s", code, errOut)
	}
	q := e.authorizeQueries()
	if len(q) != 2 || q[0].Has("prompt") || q[1].Get("prompt") != "login" {
		t.Fatalf("authorize queries %v: want prompt=login on --force only", q)
	}
}

// B3a with WorkOS's rule on (the selection grant needs a secret panel does not have): after a device
// sign-in, the choice is finished by a browser sign-in into the chosen organization, and --no-browser
// prints its address and takes the pasted redirect. Before, the device flow ran again and failed again.
func TestLoginDeviceIntoOneOfSeveralOrganizations(t *testing.T) {
	e := newTestEnv(t, emulator.Options{OrganizationSelectionRequired: true, SelectionGrantNeedsSecret: true,
		DevicePollInterval: 250 * time.Millisecond})
	p := e.start(e.environ(), "login", "--device", "--no-browser")
	verify := p.waitFor(t, `which opens (http://\S+):`)
	if page := browsePage(t, verify); !strings.Contains(page, "approved") {
		t.Fatalf("verification page: %s", page)
	}
	p.waitFor(t, "Number or id: ")
	io.WriteString(p.stdin, "2\n") // globex
	p.waitFor(t, "A device code cannot name an organization")
	authorize := p.waitFor(t, `(http://\S+/user_management/authorize\?\S+)`)
	if u, err := url.Parse(authorize); err != nil || u.Query().Get("organization_id") != "org_globex" {
		t.Fatalf("the browser sign-in is not into globex: %s", authorize)
	}
	io.WriteString(p.stdin, redirectOf(t, authorize)+"\n")
	if code := p.wait(t); code != 0 || !strings.Contains(p.stderr.String(), "Signed in as alice@example.com in organization org_globex") {
		t.Fatalf("login --device exited %d:\n%s", code, p.stderr.String())
	}
	if n := e.requestCount("POST", "/user_management/authorize/device"); n != 1 {
		t.Fatalf("%d device authorizations, want 1 (no second device flow)", n)
	}
}

// Without the rule (a client the grant accepts), the choice finishes at once, device or browser.
func TestLoginDeviceChoosesWithTheSelectionGrant(t *testing.T) {
	e := newTestEnv(t, emulator.Options{OrganizationSelectionRequired: true, DevicePollInterval: 250 * time.Millisecond})
	p := e.start(e.environ(), "login", "--device", "--no-browser")
	verify := p.waitFor(t, `which opens (http://\S+):`)
	browsePage(t, verify)
	p.waitFor(t, "Number or id: ")
	io.WriteString(p.stdin, "org_globex\n")
	if code := p.wait(t); code != 0 || !strings.Contains(p.stderr.String(), "in organization org_globex") ||
		strings.Contains(p.stderr.String(), "authorize?") {
		t.Fatalf("login --device exited %d:\n%s", code, p.stderr.String())
	}
}

// A real browser keeps AuthKit's session (a cookie on the hosted page): signing in again signs the same
// person in without a page, and only --force (prompt=login) shows the page, where someone else signs in.
func TestLoginForceSignsInSomeoneElseInARealBrowser(t *testing.T) {
	chromium := findChromium(t)
	e := newTestEnv(t, emulator.Options{Interactive: true})
	for _, kv := range e.environ() {
		if k, v, _ := strings.Cut(kv, "="); strings.HasPrefix(k, "PANEL_") && !strings.HasPrefix(k, "PANEL_TEST_") {
			t.Setenv(k, v)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromium), chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("headless", true), chromedp.Flag("no-sandbox", true), chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-first-run", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true))
	defer cancelAlloc()
	browser, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()

	// login runs `panel login args` with the browser; inBrowser does what the user does on the pages.
	login := func(force bool, inBrowser func() error) string {
		t.Helper()
		f := newFactory(ctx)
		var errOut syncBuffer
		f.IO = &IOStreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: &errOut}
		urls := make(chan string, 1)
		opts := &loginOptions{IO: f.IO, Config: f.Config, Session: f.Session, Store: f.Store, Timeout: time.Minute,
			Force: force, OpenBrowser: func(u string) error { urls <- u; return nil }}
		done := make(chan error, 1)
		go func() { done <- loginRun(ctx, opts) }()
		select {
		case u := <-urls:
			_, err := chromedp.RunResponse(browser, chromedp.Navigate(u))
			if err == nil {
				err = inBrowser()
			}
			if err != nil {
				t.Fatalf("browser: %v\npanel said:\n%s", err, errOut.String())
			}
		case err := <-done:
			t.Fatalf("login ended before opening the browser: %v\n%s", err, errOut.String())
		}
		if err := <-done; err != nil {
			t.Fatalf("login: %v\n%s", err, errOut.String())
		}
		return errOut.String()
	}
	signInAs := func(email, password string) func() error {
		return func() error {
			err := chromedp.Do(browser, chromedp.WaitVisible(chromedp.CSS(`#password`)),
				chromedp.SendKeys(chromedp.CSS(`#email`), email), chromedp.SendKeys(chromedp.CSS(`#password`), password))
			if err == nil {
				_, err = chromedp.RunResponse(browser, chromedp.Click(chromedp.CSS(`form[action$="/sign-in"] button[type=submit]`)))
			}
			return err
		}
	}

	if said := login(false, signInAs("carol@example.com", "carol-password")); !strings.Contains(said, "Signed in as carol@example.com") {
		t.Fatalf("first sign-in:\n%s", said)
	}
	if _, errOut, code := e.run(e.environ(), "", "logout"); code != 0 {
		t.Fatalf("logout: %s", errOut)
	}
	// Without prompt=login the browser's session signs carol in again, no page shown.
	if said := login(false, func() error { return nil }); !strings.Contains(said, "Signed in as carol@example.com") {
		t.Fatalf("second sign-in:\n%s", said)
	}
	// --force: the page again, and bob signs in (into umbrella, on the picker).
	said := login(true, func() error {
		if err := signInAs("bob@example.com", "bob-password")(); err != nil {
			return err
		}
		_, err := chromedp.RunResponse(browser, chromedp.Click(chromedp.CSS(`button[value="org_umbrella"]`)))
		return err
	})
	if !strings.Contains(said, "Signed in as bob@example.com in organization org_umbrella") {
		t.Fatalf("login --force:\n%s", said)
	}
}
