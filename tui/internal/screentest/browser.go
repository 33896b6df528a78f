package screentest

import (
	"net/http"
	"strings"
	"testing"
)

// RedirectOf follows the authorize URL like a browser on another machine and
// returns the loopback address, with its code, that it was sent to (which
// that browser cannot reach: the user pastes it back, B2).
func RedirectOf(t testing.TB, authorizeURL string) string {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, authorizeURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	loc := resp.Header.Get("Location")
	if !strings.HasPrefix(loc, "http://127.0.0.1:") || !strings.Contains(loc, "code=") {
		t.Fatalf("authorize redirected to %q (HTTP %d)", loc, resp.StatusCode)
	}
	return loc
}
