package hooks_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/panel-dev/panel/emulator/internal/emutest"
)

// A frame fault goes through the hooks: the next log stream upgrades, sends
// its lines, then the frame, then closes.
func TestFrameFaultAndPingCountThroughTheHooks(t *testing.T) {
	c := client(t)
	if resp := c.PostJSON("/_emulator/faults", map[string]any{"path": "/v1/streams/logs/tail", "frame": "{not json"}); resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("a frame that is not JSON: %d", resp.StatusCode)
	}
	ok(t, c.PostJSON("/_emulator/faults", map[string]any{"path": "/v1/streams/logs/tail", "count": 1,
		"frame": `{"error":{"code":16,"message":"expired"}}`, "after_lines": 2}))
	tok := c.SignIn(nil)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	u := strings.Replace(c.Srv.APIURL, "http://", "ws://", 1) + "/v1/streams/logs/tail?service_id=s&limit=5"
	conn, _, err := websocket.Dial(ctx, u, &websocket.DialOptions{Subprotocols: []string{"Bearer", tok.AccessToken}}) //nolint:bodyclose // websocket.Dial owns it
	if err != nil {
		t.Fatal(err)
	}
	defer conn.CloseNow()
	var frames []string
	for {
		_, data, err := conn.Read(ctx)
		if err != nil {
			if websocket.CloseStatus(err) != websocket.StatusPolicyViolation {
				t.Fatalf("closed with %v, want a policy violation after the frame", err)
			}
			break
		}
		frames = append(frames, string(data))
	}
	if len(frames) != 3 || !strings.HasPrefix(frames[0], `{"result"`) || frames[2] != `{"error":{"code":16,"message":"expired"}}` {
		t.Fatalf("frames %q, want two lines then the fault's frame", frames)
	}
}

func TestStreamPingsAreCounted(t *testing.T) {
	c := client(t)
	tok := c.SignIn(nil)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	u := strings.Replace(c.Srv.APIURL, "http://", "ws://", 1) + "/v1/streams/logs/tail?service_id=s&limit=1"
	conn, _, err := websocket.Dial(ctx, u, &websocket.DialOptions{Subprotocols: []string{"Bearer", tok.AccessToken}}) //nolint:bodyclose // websocket.Dial owns it
	if err != nil {
		t.Fatal(err)
	}
	defer conn.CloseNow()
	go func() { // the pong comes back through a reader
		for {
			if _, _, err := conn.Read(ctx); err != nil {
				return
			}
		}
	}()
	if err := conn.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	info := emutest.Decode[map[string]int](t, c.Get("/_emulator/streams", nil).Body)
	if info["pings"] != 1 {
		t.Fatalf("streams %v, want 1 ping", info)
	}
}
