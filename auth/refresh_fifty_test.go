package auth_test

import (
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
)

// 50 API calls made at once when the access token is due go through the
// token-injecting transport to the emulator's API: one refresh serves them
// all, and every call is answered with the new token.
func TestFiftyConcurrentAPICallsAtExpiryShareOneRefresh(t *testing.T) {
	srv := startEmulator(t, emulator.Options{AccessTokenTTL: 12 * time.Second})
	s := newSession(t, srv)
	loginBrowser(t, s, auth.LoginOptions{Email: "alice@example.com"})
	waitForRefreshDue(t, s)
	before := countAuthenticate(t, srv)
	client := &http.Client{Transport: s.Transport(nil)}
	const calls = 50
	var wg sync.WaitGroup
	statuses := make([]int, calls)
	errs := make([]error, calls)
	for i := range calls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequestWithContext(ctxT(t), http.MethodGet, srv.APIURL+"/v1/account/organization", nil)
			res, err := client.Do(req)
			if err != nil {
				errs[i] = err
				return
			}
			res.Body.Close()
			statuses[i] = res.StatusCode
		}()
	}
	wg.Wait()
	for i := range calls {
		if errs[i] != nil || statuses[i] != http.StatusOK {
			t.Fatalf("call %d: %d %v", i, statuses[i], errs[i])
		}
	}
	n := countAuthenticate(t, srv) - before
	t.Logf("%d concurrent API calls at expiry: %d refresh request(s)", calls, n)
	if n != 1 {
		t.Fatalf("%d refreshes for %d concurrent API calls, want 1", n, calls)
	}
}
