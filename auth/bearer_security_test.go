package auth_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
)

// Only https/wss, or http/ws to this machine, may carry the token: however the host is spelled.
func TestCheckBearerURL(t *testing.T) {
	allowed := []string{"https://app.koyeb.com/v1", "wss://app.koyeb.com/v1/streams/logs/tail",
		"http://127.0.0.1:8080/v1", "http://localhost/v1", "http://[::1]:1/v1", "ws://127.0.0.1:9/x",
		"http://127.0.0.53/v1", "HTTP://127.0.0.1/v1"}
	refused := []string{"http://example.com/v1", "http://10.0.0.1/v1", "ws://example.com/x",
		"http://localhost.example.com/v1", "http://127.0.0.1.nip.io/v1", "http://[::ffff:10.0.0.1]/v1",
		"http://0.0.0.0/v1", "http://[::]/v1", "http://user@example.com@127.0.0.1.example.com/v1",
		"ftp://127.0.0.1/v1", "file:///etc/passwd", "//example.com/v1"}
	for _, raw := range allowed {
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		if err := auth.CheckBearerURL(u); err != nil {
			t.Errorf("%s refused: %v", raw, err)
		}
	}
	for _, raw := range refused {
		u, err := url.Parse(raw)
		if err != nil {
			continue // not even a URL
		}
		if err := auth.CheckBearerURL(u); err == nil {
			t.Errorf("%s allowed to carry the token", raw)
		}
	}
}

// A loopback API that redirects elsewhere does not get the token carried along: not to a plain-http
// host (CheckBearerURL), and not to another host at all. The base transport below dials loopback only,
// so even a broken check would send nothing off this machine.
func TestBearerIsNotCarriedAcrossARedirect(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	s := newSession(t, srv)
	loginBrowser(t, s, auth.LoginOptions{})
	tok, _ := s.Token(ctxT(t))

	var leaked atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.Header.Get("Authorization"), tok) {
			leaked.Add(1)
		}
	}))
	defer other.Close()
	otherURL, _ := url.Parse(other.URL)
	otherURL.Host = "localhost:" + otherURL.Port() // same machine, another host name
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/to-plain-http":
			http.Redirect(w, r, "http://10.0.0.1/v1/steal", http.StatusFound)
		case "/to-other-host":
			http.Redirect(w, r, otherURL.String()+"/v1/steal", http.StatusTemporaryRedirect)
		case "/same-host":
			http.Redirect(w, r, "/ok", http.StatusFound)
		}
	}))
	defer api.Close()
	loopbackOnly := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, _ := net.SplitHostPort(addr)
		if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
			return nil, errors.New("test transport: dialing off this machine is not allowed")
		}
		return (&net.Dialer{}).DialContext(ctx, network, addr)
	}}
	hc := &http.Client{Transport: s.Transport(loopbackOnly)}
	for _, path := range []string{"/to-plain-http", "/to-other-host"} {
		resp, err := hc.Get(api.URL + path)
		if err == nil {
			resp.Body.Close()
		}
		if err == nil || !strings.Contains(err.Error(), "refusing to send the access token") {
			t.Errorf("%s: %v", path, err)
		}
		if err != nil && strings.Contains(err.Error(), tok) {
			t.Errorf("%s: the error quotes the token", path)
		}
	}
	if leaked.Load() != 0 {
		t.Fatal("the token reached the host the API redirected to")
	}
	res, err := hc.Get(api.URL + "/same-host")
	if err != nil {
		t.Fatalf("a redirect on the same host: %v", err)
	}
	res.Body.Close()
}
