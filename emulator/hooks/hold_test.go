package hooks_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/panel-dev/panel/emulator/internal/emutest"
)

// A held refresh takes effect at once (the refresh token is spent) and answers only when released; a
// client that gave up meanwhile got nothing, and its refresh token is gone.
func TestHoldSpendsTheRequestAndKeepsTheAnswer(t *testing.T) {
	c := client(t)
	a := c.SignIn(nil)
	ok(t, c.PostJSON("/_emulator/faults", map[string]any{"method": "POST", "path": "/user_management/authenticate",
		"count": 1, "hold": true}))
	answered := make(chan *emutest.Response, 1)
	go func() { answered <- c.Refresh(a.RefreshToken, "") }()
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(10 * time.Millisecond) {
		held := emutest.Decode[[]map[string]any](t, c.Get("/_emulator/holds", nil).Body)
		if len(held) == 1 && held[0]["path"] == "/user_management/authenticate" && held[0]["status"] == float64(200) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("holds = %v", held)
		}
	}
	c.WantOAuthError(c.Refresh(a.RefreshToken, ""), http.StatusBadRequest, "invalid_grant") // already spent
	ok(t, c.PostJSON("/_emulator/holds/release", map[string]any{}))
	if resp := <-answered; resp.StatusCode != http.StatusOK {
		t.Fatalf("released answer: %d %s", resp.StatusCode, resp.Body)
	}
	if held := emutest.Decode[[]map[string]any](t, c.Get("/_emulator/holds", nil).Body); len(held) != 0 {
		t.Fatalf("holds after release = %v", held)
	}
}
