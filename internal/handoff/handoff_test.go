package handoff

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

const target = "https://canny.io/api/redirects/sso?companyID=c1&redirect=https%3A%2F%2Ff.example&ssoToken=secret.jwt.value"

var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// answer is a response's status and headers (its body closed).
type answer struct {
	StatusCode int
	Header     http.Header
}

func get(t *testing.T, method, u string, header map[string]string) answer {
	t.Helper()
	req, err := http.NewRequest(method, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := noRedirects.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = res.Body.Close()
	return answer{res.StatusCode, res.Header}
}

func start(t *testing.T) *Handoff {
	t.Helper()
	h, err := Start(context.Background(), target)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = h.Close() })
	return h
}

// The link is 127.0.0.1, a random port and an unguessable path; it redirects once, to the target exactly.
func TestTheLinkRedirectsOnceThenRefuses(t *testing.T) {
	h := start(t)
	u, err := url.Parse(h.URL())
	if err != nil || u.Scheme != "http" || u.Hostname() != "127.0.0.1" || u.Port() == "0" || len(u.Path) < 25 ||
		strings.Contains(h.URL(), "secret") {
		t.Fatalf("URL = %s", h.URL())
	}
	if other := start(t); other.URL() == h.URL() || other.path == h.path {
		t.Error("two links share a path")
	}
	for _, probe := range []struct {
		method, path string
		header       map[string]string
		want         int
	}{
		{http.MethodHead, u.Path, nil, http.StatusMethodNotAllowed},
		{http.MethodPost, u.Path, nil, http.StatusMethodNotAllowed},
		{http.MethodGet, "/favicon.ico", nil, http.StatusNotFound},
		{http.MethodGet, u.Path[:len(u.Path)-1], nil, http.StatusNotFound},
		{http.MethodGet, u.Path, map[string]string{"Sec-Fetch-Mode": "cors"}, http.StatusForbidden},
	} {
		if res := get(t, probe.method, "http://"+u.Host+probe.path, probe.header); res.StatusCode != probe.want {
			t.Errorf("%s %s %v: %d, want %d (and the link kept)", probe.method, probe.path, probe.header, res.StatusCode, probe.want)
		}
	}
	res := get(t, http.MethodGet, h.URL(), map[string]string{"Sec-Fetch-Mode": "navigate"})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != target ||
		res.Header.Get("Cache-Control") != "no-store" || res.Header.Get("Referrer-Policy") != "no-referrer" {
		t.Fatalf("first use: %d Location %q %v", res.StatusCode, res.Header.Get("Location"), res.Header)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := h.Wait(ctx); err != nil {
		t.Fatalf("Wait after the redirect: %v", err)
	}
	if res := get(t, http.MethodGet, h.URL(), nil); res.StatusCode != http.StatusGone || res.Header.Get("Location") != "" {
		t.Errorf("second use: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	if err := h.Close(); err != nil {
		t.Fatal(err)
	}
	if res, err := http.Get(h.URL()); err == nil {
		_ = res.Body.Close()
		t.Errorf("after Close: %d", res.StatusCode)
	}
}

// A request addressed to another name (a DNS-rebinding page) does not use the link.
func TestAnotherHostDoesNotUseTheLink(t *testing.T) {
	h := start(t)
	req, _ := http.NewRequest(http.MethodGet, h.URL(), nil)
	req.Host = "rebind.evil.example"
	res, err := noRedirects.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("Host rebind.evil.example: %d", res.StatusCode)
	}
	if res := get(t, http.MethodGet, h.URL(), nil); res.StatusCode != http.StatusSeeOther {
		t.Errorf("the browser's use after the refused one: %d", res.StatusCode)
	}
}

func TestWaitGivesUpWithTheContext(t *testing.T) {
	h := start(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := h.Wait(ctx); !errors.Is(err, ErrNotOpened) || !errors.Is(err, context.Canceled) {
		t.Errorf("Wait = %v", err)
	}
}
