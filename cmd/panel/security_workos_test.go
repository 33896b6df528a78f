package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// listener records every request that reaches it (as a proxy, or as a host a redirect points to) and
// answers 502: a place that must never hear from panel.
type listener struct {
	srv  *httptest.Server
	mu   sync.Mutex
	seen []string
}

func newListener(t *testing.T) *listener {
	l := &listener{}
	l.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l.mu.Lock()
		l.seen = append(l.seen, r.Method+" "+r.URL.String())
		l.mu.Unlock()
		w.WriteHeader(http.StatusBadGateway)
	}))
	t.Cleanup(l.srv.Close)
	return l
}

func (l *listener) requests() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.seen...)
}

// expireAccess makes the next command refresh before its first call.
func (e *testEnv) expireAccess() { e.t.Helper(); expireAccessIn(e.t, e.dir) }

// expireAccessIn expires every access token of the default profile stored (in the file) under configDir.
func expireAccessIn(t *testing.T, configDir string) {
	t.Helper()
	path := configDir + "/profiles/default/tokens.json"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var d map[string]any
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	for _, a := range d["access_tokens"].(map[string]any) {
		a.(map[string]any)["expires_at"] = time.Now().Add(-time.Hour).UTC().Format(time.RFC3339)
	}
	data, _ = json.Marshal(d)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// With PANEL_AUTH_URL on plain http to another machine, nothing leaves panel (B26): a capturing proxy
// (HTTP_PROXY, which Go's transport uses for any host but loopback) sees no request from a refresh, a
// switch, a browser or a device sign-in, each of which fails with a clear error; the session survives.
func TestNoWorkOSCredentialOverPlainHTTPToAnotherHost(t *testing.T) {
	e := signedInProcess(t)
	proxy := newListener(t)
	env := e.environ("PANEL_AUTH_URL=http://workos.example.test", "HTTP_PROXY="+proxy.srv.URL,
		"http_proxy="+proxy.srv.URL, "NO_PROXY=", "no_proxy=")
	for _, args := range [][]string{{"token"}, {"orgs", "switch", "org_globex"}, {"login", "--force", "--no-browser"},
		{"login", "--force", "--device"}} {
		e.expireAccess()
		_, errOut, code := e.run(env, "", args...)
		if code == 0 || !strings.Contains(errOut, "refusing to send WorkOS credentials to http://workos.example.test") {
			t.Errorf("panel %s exited %d:\n%s", strings.Join(args, " "), code, errOut)
		}
	}
	if seen := proxy.requests(); len(seen) > 0 {
		t.Errorf("the proxy received %q", seen)
	}
	e.expireAccess()
	if _, errOut, code := e.run(e.environ(), "", "token"); code != 0 {
		t.Fatalf("the session did not survive: exit %d\n%s", code, errOut)
	}
}

// A WorkOS that answers the refresh or the code exchange with `307 Location: <other host>` does not get
// it re-sent there (B26): the other host hears nothing, the user reads that WorkOS redirected, and the
// session is still usable.
func TestWorkOSRedirectIsNotFollowedByTheCommands(t *testing.T) {
	e := signedInProcess(t)
	elsewhere := newListener(t)
	up, _ := url.Parse(e.srv.URL)
	emulatorProxy := httputil.NewSingleHostReverseProxy(up)
	fake := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && r.URL.Path == "/user_management/authenticate" {
			http.Redirect(w, r, elsewhere.srv.URL+r.URL.Path, http.StatusTemporaryRedirect)
			return
		}
		emulatorProxy.ServeHTTP(w, r)
	}))
	t.Cleanup(fake.Close)
	env := e.environ("PANEL_AUTH_URL=" + fake.URL)
	for _, args := range [][]string{{"token"}, {"orgs", "switch", "org_globex"}, {"login", "--force"}} {
		e.expireAccess()
		_, errOut, code := e.run(env, "", args...)
		if code == 0 || !strings.Contains(errOut, "with a redirect (HTTP 307) to "+elsewhere.srv.Listener.Addr().String()) {
			t.Errorf("panel %s exited %d:\n%s", strings.Join(args, " "), code, errOut)
		}
	}
	if seen := elsewhere.requests(); len(seen) > 0 {
		t.Errorf("the redirect target received %q", seen)
	}
	e.expireAccess()
	if _, errOut, code := e.run(e.environ(), "", "token"); code != 0 {
		t.Fatalf("the session did not survive: exit %d\n%s", code, errOut)
	}
}
