package hooks_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/hooks"
	"github.com/panel-dev/panel/emulator/internal/emutest"
)

// A hostile page in a real browser (headless Chromium) on another loopback port, as any site the user
// visits during `panel demo` could be: a no-cors text/plain fetch, a JSON fetch (preflighted) and a
// text/plain form carrying JSON, all aimed at the hooks. Each reaches the emulator and is refused; the
// latency and the sessions are unchanged.
func TestHooksRefuseAHostilePageInARealBrowser(t *testing.T) {
	chromium := findChromium(t)
	srv := emutest.Start(t, emulator.Options{})
	emutest.NewClient(t, srv).SignIn(nil)
	var seen calls
	hook := httptest.NewServer(seen.record(hooks.Handler(srv.State(), srv.Controls())))
	defer hook.Close()
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, hostilePage, hook.URL, hook.URL)
	}))
	defer page.Close()

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromium), chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("headless", true), chromedp.Flag("no-sandbox", true), chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-first-run", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true))
	defer cancelAlloc()
	browser, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()
	if err := chromedp.Do(browser, chromedp.Navigate(page.URL)); err != nil {
		t.Fatal(err)
	}

	want := []string{"POST /_emulator/latency", "OPTIONS /_emulator/latency", "POST /_emulator/sessions/revoke"}
	for !seen.has(want) {
		select {
		case <-ctx.Done():
			t.Fatalf("the page's requests did not all arrive: %v", seen.list())
		case <-time.After(20 * time.Millisecond):
		}
	}
	for _, c := range seen.list() {
		if c.status < 400 {
			t.Errorf("%s (Origin %q) answered %d", c.name, c.origin, c.status)
		}
	}
	if srv.Controls().Latency() != 0 {
		t.Error("the page set the latency")
	}
	for _, s := range srv.State().Sessions() {
		if s.Revoked {
			t.Error("the page revoked a session")
		}
	}
}

// The no-cors fetch and the form need no preflight; the JSON fetch is preflighted (OPTIONS).
const hostilePage = `<!doctype html><html><body>
<form id="f" method="POST" enctype="text/plain" action="%s/_emulator/sessions/revoke">
<input name='{"email":"alice@example.com","x":"' value='"}'></form>
<script>
const hook = %q;
Promise.allSettled([
  fetch(hook + "/_emulator/latency", {method: "POST", mode: "no-cors", headers: {"Content-Type": "text/plain"}, body: '{"latency":"1h"}'}),
  fetch(hook + "/_emulator/latency", {method: "POST", headers: {"Content-Type": "application/json"}, body: '{"latency":"1h"}'}),
]).then(() => document.getElementById("f").submit());
</script></body></html>`

type call struct {
	name, origin string
	status       int
}

// calls records what reached the hooks and how they answered.
type calls struct {
	mu sync.Mutex
	l  []call
}

func (c *calls) record(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		c.mu.Lock()
		defer c.mu.Unlock()
		c.l = append(c.l, call{name: r.Method + " " + r.URL.Path, origin: r.Header.Get("Origin"), status: rec.status})
	})
}

func (c *calls) list() []call {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]call(nil), c.l...)
}

func (c *calls) has(names []string) bool {
	got := map[string]bool{}
	for _, x := range c.list() {
		got[x.name] = true
	}
	for _, n := range names {
		if !got[n] {
			return false
		}
	}
	return true
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// findChromium returns the headless browser, skipping the test without one (failing under CI=true).
func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no chromium under CI=true (apt-get install chromium)")
	}
	t.Skip("no chromium: the real-browser test is skipped (apt-get install chromium)")
	return ""
}
