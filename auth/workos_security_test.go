package auth_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
)

// capture is a transport that records every request it is handed and answers none: what a client would
// have sent over the wire.
type capture struct {
	mu   sync.Mutex
	sent []string
}

func (c *capture) RoundTrip(r *http.Request) (*http.Response, error) {
	c.mu.Lock()
	c.sent = append(c.sent, r.Method+" "+r.URL.String())
	c.mu.Unlock()
	return nil, http.ErrServerClosed
}

func (c *capture) requests() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.sent...)
}

// WorkOS credentials follow the bearer's rule (B26): a plain-http WorkOS URL that is not this machine gets
// nothing — not the refresh token of a switch or a refresh, not a device request, and the browser sign-in
// does not even start (its code would have to go there).
func TestWorkOSCredentialsGoOnlyOverHTTPSOrToLoopback(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	dir := t.TempDir()
	good := newSession(t, srv, func(o *auth.Options) { o.ProfileDir = dir })
	loginBrowser(t, good, auth.LoginOptions{})

	for _, endpoint := range []string{"http://workos.example.test", "http://10.0.0.1:8080", "http://0.0.0.0:1"} {
		wire := &capture{}
		bad := newSession(t, srv, func(o *auth.Options) {
			o.ProfileDir, o.AuthURL, o.HTTPClient = dir, endpoint, &http.Client{Transport: wire}
		})
		err := bad.SwitchOrganization(ctxT(t), "org_globex")
		if err == nil || !strings.Contains(err.Error(), "https") {
			t.Errorf("%s: the switch's refresh was not refused clearly: %v", endpoint, err)
		}
		if _, err := bad.BeginDeviceLogin(ctxT(t), auth.LoginOptions{}); err == nil {
			t.Errorf("%s: the device sign-in started", endpoint)
		}
		if bl, err := bad.BeginBrowserLogin(ctxT(t), auth.LoginOptions{}); err == nil {
			bl.Close()
			t.Errorf("%s: the browser sign-in started", endpoint)
		}
		if sent := wire.requests(); len(sent) > 0 {
			t.Errorf("%s: sent %q", endpoint, sent)
		}
	}
	// Nothing was spent: the stored refresh token still works.
	if err := good.SwitchOrganization(ctxT(t), "org_globex"); err != nil {
		t.Fatalf("the session did not survive: %v", err)
	}
}

// redirectingWorkOS is the emulator behind a proxy that answers every authenticate POST with a 307 to
// target (a host that must never see the body).
func redirectingWorkOS(t *testing.T, srv *emulator.Server, target string) string {
	t.Helper()
	up, _ := url.Parse(srv.URL)
	proxy := httputil.NewSingleHostReverseProxy(up)
	fake := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && r.URL.Path == "/user_management/authenticate" {
			http.Redirect(w, r, target+r.URL.Path, http.StatusTemporaryRedirect)
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(fake.Close)
	return fake.URL
}

// A WorkOS answer that redirects is never followed (B26): the refresh token, the code and its verifier
// stay where they were sent; the user reads why; the session is untouched.
func TestWorkOSRedirectIsNeverFollowed(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	var received atomic.Int32
	elsewhere := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		received.Add(1)
		w.WriteHeader(http.StatusTeapot)
	}))
	t.Cleanup(elsewhere.Close)
	fake := redirectingWorkOS(t, srv, elsewhere.URL)

	dir := t.TempDir()
	good := newSession(t, srv, func(o *auth.Options) { o.ProfileDir = dir })
	loginBrowser(t, good, auth.LoginOptions{})
	bad := newSession(t, srv, func(o *auth.Options) { o.ProfileDir, o.AuthURL = dir, fake })

	err := bad.SwitchOrganization(ctxT(t), "org_globex")
	if err == nil || !strings.Contains(err.Error(), "redirect") {
		t.Errorf("a redirected refresh is not reported as such: %v", err)
	}
	var refused *auth.RefusedError
	if errors.As(err, &refused) {
		t.Errorf("a redirect reads as a refusal (%v): the switch would fall back to a browser sign-in", err)
	}

	// A browser sign-in whose code exchange is redirected.
	other := newSession(t, srv, func(o *auth.Options) { o.AuthURL = fake })
	bl, err := other.BeginBrowserLogin(ctxT(t), auth.LoginOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer bl.Close()
	tab := browseAsync(bl.URL())
	if _, err := bl.Wait(ctxT(t)); err == nil || !strings.Contains(err.Error(), "redirect") {
		t.Errorf("a redirected code exchange is not reported as such: %v", err)
	}
	<-tab

	if n := received.Load(); n != 0 {
		t.Errorf("the redirect target received %d requests", n)
	}
	if err := good.SwitchOrganization(ctxT(t), "org_globex"); err != nil {
		t.Fatalf("the session did not survive: %v", err)
	}
}
