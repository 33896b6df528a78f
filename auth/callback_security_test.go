package auth_test

import (
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
)

// What another web page can make the user's browser send to the loopback callback is refused, even with
// the right state and code: a cross-site Origin, an opaque one, a fetch, an <img> or <script> load. The
// genuine redirect, sent the way a browser sends a cross-site top-level navigation, then completes.
func TestCallbackRefusesRequestsFromOtherSites(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	s := newSession(t, srv)
	bl, err := s.BeginBrowserLogin(ctxT(t), auth.LoginOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer bl.Close()
	genuine := redirectOf(t, bl.URL())
	own := "http://" + queryHost(t, genuine)
	attacks := map[string]map[string]string{
		"cross-site Origin":       {"Origin": "https://evil.example"},
		"opaque Origin":           {"Origin": "null"},
		"other loopback Origin":   {"Origin": "http://127.0.0.1:1"},
		"fetch, cors":             {"Sec-Fetch-Mode": "cors", "Sec-Fetch-Site": "cross-site"},
		"<img>, no-cors":          {"Sec-Fetch-Mode": "no-cors", "Sec-Fetch-Dest": "image", "Sec-Fetch-Site": "cross-site"},
		"same-origin fetch":       {"Sec-Fetch-Mode": "same-origin", "Origin": own},
		"navigation + bad Origin": {"Sec-Fetch-Mode": "navigate", "Origin": "https://evil.example"},
	}
	for name, headers := range attacks {
		req := get(t, genuine, "")
		for k, v := range headers {
			req.Header.Set(k, v)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("%s: answered %d, want 403", name, res.StatusCode)
		}
		if res.Header.Get("X-Frame-Options") != "DENY" || !strings.Contains(res.Header.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
			t.Errorf("%s: the page may be framed: %v", name, res.Header)
		}
	}
	req := get(t, genuine, "")
	req.Header.Set("Sec-Fetch-Mode", "navigate")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.Header.Set("Sec-Fetch-Dest", "document")
	tab := make(chan int, 1)
	go func() {
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			tab <- 0
			return
		}
		res.Body.Close()
		tab <- res.StatusCode
	}()
	if _, err := bl.Wait(ctxT(t)); err != nil {
		t.Fatalf("the genuine navigation after the attacks: %v", err)
	}
	if code := <-tab; code != http.StatusOK {
		t.Errorf("the genuine navigation got %d", code)
	}
}

// The callback listener is bound to 127.0.0.1 alone: not 0.0.0.0 (then 127.0.0.2, another loopback
// address of this machine, would connect) and not :: (then [::1] would). Only loopback addresses are dialed.
func TestCallbackListensOn127001Only(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	s := newSession(t, srv)
	bl, err := s.BeginBrowserLogin(ctxT(t), auth.LoginOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer bl.Close()
	u, err := url.Parse(bl.RedirectURI())
	if err != nil || u.Hostname() != "127.0.0.1" || u.Scheme != "http" || u.Path != "/callback" {
		t.Fatalf("redirect URI %q", bl.RedirectURI())
	}
	if q := queryOf(t, bl.URL()); q.Get("redirect_uri") != bl.RedirectURI() {
		t.Fatalf("authorize URL names redirect_uri %q", q.Get("redirect_uri"))
	}
	port := u.Port()
	conn, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", port), 5*time.Second)
	if err != nil {
		t.Fatalf("the listener does not answer on 127.0.0.1: %v", err)
	}
	conn.Close()
	for _, host := range []string{"127.0.0.2", "::1"} {
		if conn, err := net.DialTimeout("tcp", net.JoinHostPort(host, port), 5*time.Second); err == nil {
			conn.Close()
			t.Errorf("the callback port answers on %s: the listener is not bound to 127.0.0.1 alone", host)
		}
	}
}

func queryHost(t *testing.T, raw string) string {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u.Host
}
