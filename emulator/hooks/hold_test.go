package hooks_test

import (
	"bytes"
	"context"
	"encoding/json"
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

// answer_delay spends the request at once: a client that gives up before the answer arrives finds its
// refresh token spent.
func TestAnswerDelaySpendsTheRequestAtOnce(t *testing.T) {
	c := client(t)
	a := c.SignIn(nil)
	ok(t, c.PostJSON("/_emulator/faults", map[string]any{"method": "POST", "path": "/user_management/authenticate",
		"count": 1, "answer_delay": "1h"}))
	body, _ := json.Marshal(map[string]string{"client_id": c.Srv.ClientID, "grant_type": "refresh_token",
		"refresh_token": a.RefreshToken})
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, c.Srv.URL+"/user_management/authenticate", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	gone := make(chan error, 1)
	go func() {
		res, err := http.DefaultClient.Do(req)
		if err == nil {
			res.Body.Close()
		}
		gone <- err
	}()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if used := c.Srv.State().Sessions(); len(used) == 1 && used[0].Refreshes == 1 {
			break
		}
	}
	cancel()
	if err := <-gone; err == nil {
		t.Fatal("the delayed answer arrived")
	}
	c.WantOAuthError(c.Refresh(a.RefreshToken, ""), http.StatusBadRequest, "invalid_grant")
}
