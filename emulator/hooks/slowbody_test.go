package hooks_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/panel-dev/panel/emulator/internal/emutest"
)

// A slow body: the status and headers arrive at once, the body only after body_delay; a client that gives up
// meanwhile gets the headers but never the rest.
func TestFaultBodyDelaySendsHeadersAtOnceAndHoldsTheBody(t *testing.T) {
	c := client(t)
	jwks := "/sso/jwks/" + c.Srv.ClientID
	ok(t, c.PostJSON("/_emulator/faults", map[string]any{"path": jwks, "status": 200, "body": `{"keys":[]}`,
		"body_delay": "1h", "count": 1}))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, c.Srv.AuthURL+jwks, nil)
	resp, err := http.DefaultClient.Do(req) //nolint:bodyclose // closed by the defer below; read in a goroutine
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("headers: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	first := make([]byte, 1)
	if _, err := io.ReadFull(resp.Body, first); err != nil || string(first) != "{" {
		t.Fatalf("first byte: %q %v", first, err)
	}
	read := make(chan error, 1)
	go func() { _, err := io.ReadAll(resp.Body); read <- err }()
	select {
	case err := <-read:
		t.Fatalf("the rest of the body came at once (%v)", err)
	case <-time.After(50 * time.Millisecond): // the body must still be held back
	}
	cancel()
	if err := <-read; err == nil {
		t.Fatal("the held body completed after the client gave up")
	}
	if resp := c.PostJSON("/_emulator/faults", map[string]any{"path": jwks, "status": 200, "body_delay": "later"}); resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("bad body_delay accepted: %d", resp.StatusCode)
	}
}

// A delayed POST whose client gives up ends (and is logged) at once, not after the delay: the body is read
// first, so that net/http notices the closed connection.
func TestDelayedPostEndsWhenTheClientGivesUp(t *testing.T) {
	c := client(t)
	ok(t, c.PostJSON("/_emulator/faults", map[string]any{"method": "POST", "path": "/user_management/authenticate",
		"delay": "1h", "count": 1}))
	hc := &http.Client{Timeout: 50 * time.Millisecond}
	if resp, err := hc.Post(c.Srv.AuthURL+"/user_management/authenticate", "application/json",
		strings.NewReader(`{"grant_type":"refresh_token"}`)); err == nil {
		resp.Body.Close()
		t.Fatal("the delayed POST answered")
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		log := emutest.Decode[[]map[string]any](t, c.Get("/_emulator/requests", nil).Body)
		if len(log) == 1 && log[0]["method"] == "POST" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the abandoned POST was not logged: %v", log)
		}
		time.Sleep(5 * time.Millisecond) // polling a condition with a deadline
	}
}
