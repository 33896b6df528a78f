package auth_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
)

// startEmulator runs both backends on 127.0.0.1 for the test.
func startEmulator(t *testing.T, o emulator.Options) *emulator.Server {
	t.Helper()
	srv, err := emulator.Start("127.0.0.1:0", o)
	if err != nil {
		t.Fatalf("start emulator: %v", err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}

// newSession is a file-stored session of a fresh profile against the emulator (the keychain has its own
// tests); edit adjusts the options.
func newSession(t *testing.T, srv *emulator.Server, edit ...func(*auth.Options)) *auth.Session {
	t.Helper()
	o := auth.Options{ClientID: srv.ClientID, AuthURL: srv.AuthURL, ProfileDir: t.TempDir(),
		Profile: "test", InsecureStorage: true}
	for _, e := range edit {
		e(&o)
	}
	s, err := auth.NewSession(o)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// page is what the test browser ended on.
type page struct {
	status int
	body   string
	err    error
}

// browse plays the browser: GET u, following redirects (to the loopback callback too), and returns the
// final status and page.
func browse(u string) page {
	res, err := http.Get(u)
	if err != nil {
		return page{err: err}
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return page{status: res.StatusCode, body: string(b)}
}

// browseAsync runs browse in the background; the channel gets the page.
func browseAsync(u string) <-chan page {
	ch := make(chan page, 1)
	go func() { ch <- browse(u) }()
	return ch
}

// redirectOf GETs u without following the redirect and returns where the server sends the browser: what
// a remote browser's address bar shows when 127.0.0.1 is not its machine.
func redirectOf(t *testing.T, u string) string {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.Get(u)
	if err != nil {
		t.Fatalf("GET authorize: %v", err)
	}
	res.Body.Close()
	loc := res.Header.Get("Location")
	if loc == "" {
		t.Fatalf("authorize answered %d without a redirect", res.StatusCode)
	}
	return loc
}

// loginBrowser runs a whole loopback sign-in with the test browser.
func loginBrowser(t *testing.T, s *auth.Session, o auth.LoginOptions) *auth.Result {
	t.Helper()
	bl, err := s.BeginBrowserLogin(ctxT(t), o)
	if err != nil {
		t.Fatalf("BeginBrowserLogin: %v", err)
	}
	defer bl.Close()
	tab := browseAsync(bl.URL())
	res, err := bl.Wait(ctxT(t))
	if err != nil {
		t.Fatalf("Wait: %v", err)
	}
	if p := <-tab; p.err != nil || p.status != 200 || !strings.Contains(p.body, "Signed in") {
		t.Fatalf("the browser tab shows %d %q (%v)", p.status, p.body, p.err)
	}
	return res
}

// requests is the emulator's request log.
type loggedRequest struct {
	Method, Path, Query string
	Status              int
	ProjectHeader       string `json:"project_header"`
}

func requests(t *testing.T, srv *emulator.Server) []loggedRequest {
	t.Helper()
	res, err := http.Get(srv.URL + "/_emulator/requests")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out []loggedRequest
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return out
}

// countAuthenticate counts POST /user_management/authenticate in the request log.
func countAuthenticate(t *testing.T, srv *emulator.Server) int {
	n := 0
	for _, r := range requests(t, srv) {
		if r.Method == http.MethodPost && r.Path == "/user_management/authenticate" {
			n++
		}
	}
	return n
}

// hook POSTs a JSON body to an /_emulator/ endpoint.
func hook(t *testing.T, srv *emulator.Server, path string, body any) {
	t.Helper()
	b, _ := json.Marshal(body)
	res, err := http.Post(srv.URL+"/_emulator/"+path, "application/json", strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode >= 300 {
		msg, _ := io.ReadAll(res.Body)
		t.Fatalf("hook %s: %d %s", path, res.StatusCode, msg)
	}
}

func queryOf(t *testing.T, raw string) url.Values {
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query()
}
