package auth_test

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
)

// apiRecorder is a loopback API that records what it was sent and refuses the tokens in reject.
type apiRecorder struct {
	mu      sync.Mutex
	seen    []http.Header
	bodies  []string
	reject  map[string]bool
	rejectN int // refuse this many requests whatever their token
}

func (a *apiRecorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	a.mu.Lock()
	defer a.mu.Unlock()
	a.seen = append(a.seen, r.Header.Clone())
	a.bodies = append(a.bodies, string(b))
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if a.rejectN > 0 || a.reject[tok] {
		a.rejectN--
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func (a *apiRecorder) requests() []http.Header {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]http.Header(nil), a.seen...)
}

func TestTransportAddsBearerAndTheProjectOfTheTokensOrganization(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	s := newSession(t, srv, func(o *auth.Options) {
		o.ProjectHeader = func(org string) string { return "project-of-" + org }
	})
	loginBrowser(t, s, auth.LoginOptions{Email: "alice@example.com"})
	api := &apiRecorder{}
	ts := httptest.NewServer(api)
	defer ts.Close()
	hc := &http.Client{Transport: s.Transport(nil)}

	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/v1/account/profile", nil)
	req.Header.Set(auth.ProjectHeaderName, "stale-project-of-another-org")
	do(t, hc, req, http.StatusOK)
	if err := s.SwitchOrganization(ctxT(t), "org_globex"); err != nil {
		t.Fatal(err)
	}
	req, _ = http.NewRequest(http.MethodGet, ts.URL+"/v1/projects", nil)
	do(t, hc, req, http.StatusOK)

	seen := api.requests()
	tok, _ := s.Token(ctxT(t))
	if seen[1].Get("Authorization") != "Bearer "+tok || seen[0].Get("Authorization") == seen[1].Get("Authorization") {
		t.Error("the requests did not carry the current bearer token")
	}
	for i, want := range []string{"project-of-org_acme", "project-of-org_globex"} {
		if got := seen[i].Get(auth.ProjectHeaderName); got != want {
			t.Errorf("request %d: project header %q, want %q", i, got, want)
		}
	}
	if req.Header.Get("Authorization") != "" {
		t.Error("the caller's request was modified")
	}
}

func TestTransportRetriesA401OnceAfterARefresh(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	s := newSession(t, srv)
	loginBrowser(t, s, auth.LoginOptions{})
	old, _ := s.Token(ctxT(t))
	api := &apiRecorder{reject: map[string]bool{old: true}}
	ts := httptest.NewServer(api)
	defer ts.Close()
	hc := &http.Client{Transport: s.Transport(nil)}
	before := countAuthenticate(t, srv)

	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/v1/organizations", strings.NewReader(`{"name":"x"}`))
	do(t, hc, req, http.StatusOK)
	if n := countAuthenticate(t, srv) - before; n != 1 {
		t.Fatalf("%d refreshes, want 1", n)
	}
	api.mu.Lock()
	bodies := append([]string(nil), api.bodies...)
	api.rejectN = 2
	api.mu.Unlock()
	if len(bodies) != 2 || bodies[1] != `{"name":"x"}` {
		t.Fatalf("retried body = %q", bodies)
	}

	// A second 401 goes back to the caller (no loop), and a body that cannot be replayed is not retried.
	req, _ = http.NewRequest(http.MethodGet, ts.URL+"/v1/account/profile", nil)
	do(t, hc, req, http.StatusUnauthorized)
	api.mu.Lock()
	api.rejectN = 1
	api.mu.Unlock()
	req, _ = http.NewRequest(http.MethodPost, ts.URL+"/v1/x", io.NopCloser(strings.NewReader("once")))
	do(t, hc, req, http.StatusUnauthorized)
	if got := len(api.requests()); got != 5 {
		t.Fatalf("%d requests reached the API, want 5", got)
	}
}

func TestTransportRefusesPlainHTTPToAnotherHost(t *testing.T) {
	s, err := auth.NewSession(auth.Options{EnvToken: "not-a-jwt"})
	if err != nil {
		t.Fatal(err)
	}
	hc := &http.Client{Transport: s.Transport(nil)}
	for _, u := range []string{"http://example.com/v1/account/profile", "http://10.0.0.1/v1"} {
		resp, err := hc.Get(u)
		if err == nil {
			resp.Body.Close()
		}
		if err == nil || !strings.Contains(err.Error(), "refusing to send the access token") {
			t.Errorf("GET %s = %v", u, err)
		}
		if strings.Contains(err.Error(), "not-a-jwt") {
			t.Error("the error quotes the token")
		}
	}
}

func TestEnvironmentToken(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	donor := newSession(t, srv)
	loginBrowser(t, donor, auth.LoginOptions{Email: "alice@example.com"})
	tok, _ := donor.Token(ctxT(t))
	s := newSession(t, srv, func(o *auth.Options) { o.EnvToken = tok })
	if got, err := s.Token(ctxT(t)); err != nil || got != tok {
		t.Fatalf("Token = %v", err)
	}
	info, err := s.Info(ctxT(t))
	if err != nil || info.Storage != auth.StorageEnv || info.OrganizationID != "org_acme" {
		t.Fatalf("Info = %+v, %v", info, err)
	}
	if _, err := s.BeginBrowserLogin(ctxT(t), auth.LoginOptions{}); !errors.Is(err, auth.ErrTokenFromEnvironment) {
		t.Errorf("BeginBrowserLogin = %v", err)
	}
	if _, err := s.BeginDeviceLogin(ctxT(t), auth.LoginOptions{}); !errors.Is(err, auth.ErrTokenFromEnvironment) {
		t.Errorf("BeginDeviceLogin = %v", err)
	}
	if _, err := s.Logout(ctxT(t)); !errors.Is(err, auth.ErrTokenFromEnvironment) {
		t.Errorf("Logout = %v", err)
	}
	if err := s.SwitchOrganization(ctxT(t), "org_globex"); !errors.Is(err, auth.ErrTokenFromEnvironment) {
		t.Errorf("Switch = %v", err)
	}
	api := &apiRecorder{rejectN: 1}
	ts := httptest.NewServer(api)
	defer ts.Close()
	req, _ := http.NewRequest(http.MethodGet, ts.URL, nil)
	do(t, &http.Client{Transport: s.Transport(nil)}, req, http.StatusUnauthorized)
	if len(api.requests()) != 1 {
		t.Error("a PANEL_TOKEN request was retried")
	}
}

func do(t *testing.T, hc *http.Client, req *http.Request, want int) {
	t.Helper()
	res, err := hc.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	res.Body.Close()
	if res.StatusCode != want {
		t.Fatalf("%s %s: %d, want %d", req.Method, req.URL.Path, res.StatusCode, want)
	}
}
