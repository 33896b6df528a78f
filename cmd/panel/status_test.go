package main

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/panel-dev/panel/emulator"
)

// A session revoked on the server: status signs out and exits 4 (B10).
func TestStatusOfARevokedSession(t *testing.T) {
	e := newTestEnv(t, emulator.Options{})
	env := e.environ()
	if _, errOut, code := e.run(env, "", "login", "--email", "bob@example.com"); code != 0 {
		t.Fatalf("login: %s", errOut)
	}
	e.hook("sessions/revoke", map[string]string{"email": "bob@example.com"})
	_, errOut, code := e.run(env, "", "status")
	if code != 4 || !strings.Contains(errOut, "revoked") {
		t.Fatalf("status exited %d:\n%s", code, errOut)
	}
	if _, errOut, code := e.run(env, "", "token"); code != 4 {
		t.Fatalf("token after revocation exited %d:\n%s", code, errOut)
	}
}

// redirectOf GETs u without following the redirect: what a remote browser's address bar ends on.
func redirectOf(t *testing.T, u string) string {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.Header.Get("Location") == "" {
		t.Fatalf("%s answered %d without a redirect", u, res.StatusCode)
	}
	return res.Header.Get("Location")
}

func browsePage(t *testing.T, u string) string {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return string(b)
}

// `panel status --offline`, a shell prompt's, answers from the profile's files alone: a new process (main's
// start, one branch of the command tree) sends no request, and still says who, where and until when.
func TestStatusOfflineSendsNoRequest(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "alice@example.com")
	c.ok("status") // the store learns the user, the organization and its project
	c.clearRequests()
	out, errOut, code := c.run(c.environ(), "", "status", "--offline")
	if code != 0 || !strings.Contains(out, "alice@example.com") || !strings.Contains(out, "acme (org_acme)") ||
		!strings.Contains(out, "access token valid until") {
		t.Fatalf("status --offline exited %d:\n%s%s", code, out, errOut)
	}
	if got := paths(c.requests()); len(got) != 0 {
		t.Errorf("status --offline sent %v, want nothing", got)
	}
}
