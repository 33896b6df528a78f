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
