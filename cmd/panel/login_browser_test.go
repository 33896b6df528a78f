package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/panel-dev/panel/emulator"
)

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

// A real browser on the emulator's hosted pages: headless Chromium types the email and password, picks
// the organization, follows the redirect to the loopback callback, and `panel login` finishes.
func TestLoginWithARealBrowser(t *testing.T) {
	chromium := findChromium(t)
	e := newTestEnv(t, emulator.Options{Interactive: true})
	for _, kv := range e.environ() {
		if k, v, _ := strings.Cut(kv, "="); strings.HasPrefix(k, "PANEL_") && !strings.HasPrefix(k, "PANEL_TEST_") {
			t.Setenv(k, v)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	f := newFactory(ctx)
	var errOut syncBuffer
	f.IO = &IOStreams{In: strings.NewReader(""), Out: &bytes.Buffer{}, ErrOut: &errOut}
	urls := make(chan string, 1)
	opts := &loginOptions{IO: f.IO, Config: f.Config, Session: f.Session, Store: f.Store, Timeout: time.Minute,
		OpenBrowser: func(u string) error { urls <- u; return nil }}
	done := make(chan error, 1)
	go func() { done <- loginRun(ctx, opts) }()

	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromium), chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("headless", true), chromedp.Flag("no-sandbox", true), chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-first-run", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true))
	defer cancelAlloc()
	browser, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()

	var authorize string
	select {
	case authorize = <-urls:
	case err := <-done:
		t.Fatalf("login ended before opening the browser: %v\n%s", err, errOut.String())
	}
	err := chromedp.Do(browser,
		chromedp.Navigate(authorize),
		chromedp.WaitVisible(chromedp.CSS(`#email`)),
		chromedp.SendKeys(chromedp.CSS(`#email`), "alice@example.com"),
		chromedp.SendKeys(chromedp.CSS(`#password`), "alice-password"),
	)
	var heading string
	if err == nil { // each click loads a page: wait for it
		_, err = chromedp.RunResponse(browser, chromedp.Click(chromedp.CSS(`form[action$="/sign-in"] button[type=submit]`)))
	}
	if err == nil {
		_, err = chromedp.RunResponse(browser, chromedp.Click(chromedp.CSS(`button[value="org_globex"]`)))
	}
	if err == nil {
		heading, err = chromedp.Run(browser, chromedp.Text(chromedp.CSS(`h1`)))
	}
	if err != nil {
		t.Fatalf("browser: %v\npanel said:\n%s", err, errOut.String())
	}
	if err := <-done; err != nil {
		t.Fatalf("login: %v\n%s", err, errOut.String())
	}
	if !strings.Contains(heading, "Signed in to panel") ||
		!strings.Contains(errOut.String(), "Signed in as alice@example.com in organization org_globex") {
		t.Fatalf("tab heading %q; panel said:\n%s", heading, errOut.String())
	}
}
