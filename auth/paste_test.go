package auth_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
)

// The browser on another machine failed to load http://localhost:PORT/callback?… (or [::1]): pasted, that
// address finishes the sign-in like 127.0.0.1 would, with or without the scheme. Another port or a name
// that only starts with localhost is refused.
func TestPastedLocalhostRedirectIsAccepted(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	for _, form := range []struct {
		name    string
		rewrite func(address, port string) string
		ok      bool
	}{
		{"localhost", func(a, _ string) string { return strings.Replace(a, "127.0.0.1", "localhost", 1) }, true},
		{"LOCALHOST", func(a, _ string) string { return strings.Replace(a, "127.0.0.1", "LOCALHOST", 1) }, true},
		{"localhost without scheme", func(a, _ string) string {
			return strings.TrimPrefix(strings.Replace(a, "127.0.0.1", "localhost", 1), "http://")
		}, true},
		{"[::1]", func(a, _ string) string { return strings.Replace(a, "127.0.0.1", "[::1]", 1) }, true},
		{"another port", func(a, p string) string {
			return strings.Replace(a, "127.0.0.1:"+p, "localhost:1", 1)
		}, false},
		{"a look-alike host", func(a, _ string) string { return strings.Replace(a, "127.0.0.1", "localhost.evil.example", 1) }, false},
	} {
		t.Run(form.name, func(t *testing.T) {
			s := newSession(t, srv)
			bl, err := s.BeginBrowserLogin(ctxT(t), auth.LoginOptions{Email: "bob@example.com"})
			if err != nil {
				t.Fatal(err)
			}
			defer func() { _ = bl.Close() }()
			address := redirectOf(t, bl.URL())
			u, err := url.Parse(address)
			if err != nil || u.Hostname() != "127.0.0.1" {
				t.Fatalf("redirect %q", address)
			}
			pasted := form.rewrite(address, u.Port())
			err = bl.SubmitRedirect(pasted)
			if !form.ok {
				if err == nil {
					t.Fatalf("SubmitRedirect(%q) accepted", pasted)
				}
				return
			}
			if err != nil {
				t.Fatalf("SubmitRedirect(%q): %v", pasted, err)
			}
			if res, err := bl.Wait(ctxT(t)); err != nil || res.Info.Email != "bob@example.com" {
				t.Fatalf("Wait = %+v, %v", res, err)
			}
		})
	}
}
