package controlpanel_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/panel-dev/panel/emulator/hooks"
	"github.com/panel-dev/panel/internal/spectest"
)

// dialTail opens the log tail with the token as subprotocols, through spectest.
func dialTail(t *testing.T, e *env, token string, q url.Values) (*websocket.Conn, *http.Response, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	u := strings.Replace(e.srv.APIURL, "http://", "ws://", 1) + "/v1/streams/logs/tail?" + q.Encode()
	return websocket.Dial(ctx, u, &websocket.DialOptions{
		HTTPClient:   &http.Client{Transport: coverage.Transport(t, nil)},
		Subprotocols: []string{"Bearer", token},
	})
}

// readFrame reads one message, checks it against the spec and decodes it.
func readFrame(t *testing.T, conn *websocket.Conn) map[string]any {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, data, err := conn.Read(ctx)
	if err != nil {
		t.Fatalf("read frame: %v", err)
	}
	spectest.ValidateFrame(t, "TailLogs", data)
	var frame map[string]any
	if err := json.Unmarshal(data, &frame); err != nil {
		t.Fatal(err)
	}
	return frame
}

func TestTailLogsStreamsLines(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_acme")
	//nolint:bodyclose // websocket.Dial owns the handshake response's body
	conn, resp, err := dialTail(t, e, alice.token, url.Values{"service_id": {"svc-1"}, "limit": {"2"}})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.CloseNow()
	if resp.Header.Get("Sec-WebSocket-Protocol") != "Bearer" || conn.Subprotocol() != "Bearer" {
		t.Fatalf("subprotocol %q, want Bearer echoed", resp.Header.Get("Sec-WebSocket-Protocol"))
	}
	// Two recent lines at once, then new ones, each one step after the last.
	var times []time.Time
	for i := 0; i < 4; i++ {
		result, _ := readFrame(t, conn)["result"].(map[string]any)
		labels, _ := result["labels"].(map[string]any)
		if result["msg"] == "" || labels["service_id"] != "svc-1" {
			t.Fatalf("frame %d: %v", i, result)
		}
		at, _ := time.Parse(time.RFC3339Nano, result["created_at"].(string))
		times = append(times, at)
	}
	requireSteps(t, times)
	conn.Close(websocket.StatusNormalClosure, "")
}

// requireSteps fails unless the times follow each other by the emulator's log step.
func requireSteps(t *testing.T, times []time.Time) {
	t.Helper()
	for i := 1; i < len(times); i++ {
		if d := times[i].Sub(times[i-1]); d != 500*time.Millisecond {
			t.Fatalf("line %d is %v after line %d, want 500ms: %v", i, d, i-1, times)
		}
	}
}

// tailTimes reads n lines and returns their times (and the last frame).
func tailTimes(t *testing.T, conn *websocket.Conn, n int) ([]time.Time, map[string]any) {
	t.Helper()
	var times []time.Time
	var result map[string]any
	for range n {
		result, _ = readFrame(t, conn)["result"].(map[string]any)
		at, err := time.Parse(time.RFC3339Nano, fmt.Sprint(result["created_at"]))
		if err != nil {
			t.Fatalf("frame %v: %v", result, err)
		}
		times = append(times, at)
	}
	return times, result
}

func TestTailLogsReplaysFromStartUpToLimit(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_acme")
	start := time.Now().Add(-3 * time.Second).UTC()
	//nolint:bodyclose // websocket.Dial owns the handshake response's body
	conn, _, err := dialTail(t, e, alice.token, url.Values{"service_id": {"s"}, "start": {start.Format(time.RFC3339Nano)}})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.CloseNow()
	times, _ := tailTimes(t, conn, 8) // 6 or 7 replayed (3 s at 500 ms), then live ones
	requireSteps(t, times)
	if times[0].Before(start) || times[0].Sub(start) >= 500*time.Millisecond {
		t.Fatalf("first line at %v, want the first step at or after start %v", times[0], start)
	}

	// Resuming after a line asks from its time + 1 ms: the next line comes next, never that one again.
	resume := times[7].Add(time.Millisecond).Format(time.RFC3339Nano)
	//nolint:bodyclose // websocket.Dial owns the handshake response's body
	again, _, err := dialTail(t, e, alice.token, url.Values{"service_id": {"s"}, "start": {resume}, "limit": {"1000"}})
	if err != nil {
		t.Fatal(err)
	}
	defer again.CloseNow()
	next, _ := tailTimes(t, again, 2)
	requireSteps(t, append(times, next...))
}

func TestTailLogsLimitKeepsTheLastLines(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_acme")
	//nolint:bodyclose // websocket.Dial owns the handshake response's body
	conn, _, err := dialTail(t, e, alice.token, url.Values{"service_id": {"s"}, "limit": {"3"}})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.CloseNow()
	times, _ := tailTimes(t, conn, 3)
	if since := time.Since(times[2]); since > 2*time.Second {
		t.Fatalf("the third replayed line is %v old: the limit kept old lines, not the last ones", since)
	}
	for _, limit := range []string{"1001", "-1"} {
		//nolint:bodyclose // websocket.Dial owns the handshake response's body
		bad, _, err := dialTail(t, e, alice.token, url.Values{"service_id": {"s"}, "limit": {limit}})
		if err != nil {
			t.Fatal(err)
		}
		if status, _ := readFrame(t, bad)["error"].(map[string]any); status["code"] != float64(3) {
			t.Errorf("limit %s: %v, want INVALID_ARGUMENT", limit, status)
		}
		bad.CloseNow()
	}
}

func TestTailLogsOfAServiceSayWhatItDoes(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_acme")
	worker := list(alice.get("/v1/services", url.Values{"types": {"WORKER"}, "statuses": {"HEALTHY"}}).
		want(t, http.StatusOK).body["services"])[1] // warehouse/scheduler
	instance := list(alice.get("/v1/instances", url.Values{"service_id": {worker["id"].(string)}}).
		want(t, http.StatusOK).body["instances"])[0]
	//nolint:bodyclose // websocket.Dial owns the handshake response's body
	conn, _, err := dialTail(t, e, alice.token, url.Values{"service_id": {worker["id"].(string)}, "text": {"job"}, "limit": {"5"}})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.CloseNow()
	for range 5 {
		result, _ := readFrame(t, conn)["result"].(map[string]any)
		labels, _ := result["labels"].(map[string]any)
		msg, _ := result["msg"].(string)
		if !strings.Contains(msg, "job") || labels["instance_id"] != instance["id"] || labels["region"] != "fra" ||
			labels["app_id"] != worker["app_id"] {
			t.Fatalf("line %v, want a worker's job line from %v", result, instance["id"])
		}
	}
}

func TestTailLogsOfAPausedServiceReplayNothing(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_acme")
	paused := list(alice.get("/v1/services", url.Values{"statuses": {"PAUSED"}}).want(t, http.StatusOK).body["services"])[0]
	// A frame armed after 0 lines comes first only if nothing was replayed before it.
	if err := e.srv.Controls().AddFault(hooks.Fault{Method: "GET", Path: "/v1/streams/logs/tail",
		Frame: `{"error":{"code":14,"message":"marker"}}`, Count: 1}); err != nil {
		t.Fatal(err)
	}
	//nolint:bodyclose // websocket.Dial owns the handshake response's body
	conn, _, err := dialTail(t, e, alice.token, url.Values{"service_id": {paused["id"].(string)}})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.CloseNow()
	if status, _ := readFrame(t, conn)["error"].(map[string]any); status["message"] != "marker" {
		t.Fatalf("first frame %v, want the marker: a paused service logs nothing", status)
	}
}

func TestTailLogsCountsPings(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_acme")
	//nolint:bodyclose // websocket.Dial owns the handshake response's body
	conn, _, err := dialTail(t, e, alice.token, url.Values{"service_id": {"s"}, "limit": {"1"}})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.CloseNow()
	pctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	go func() { // the pongs come back through a reader
		for {
			if _, _, err := conn.Read(pctx); err != nil {
				return
			}
		}
	}()
	for range 2 {
		if err := conn.Ping(pctx); err != nil {
			t.Fatal(err)
		}
	}
	if n := e.srv.Controls().Pings(); n != 2 {
		t.Fatalf("%d pings counted, want 2", n)
	}
}

func TestTailLogsErrorsArriveAsFrames(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_acme")
	initech := e.signIn("alice@example.com", "org_initech")
	cases := []struct {
		name, token string
		q           url.Values
		code        float64
		message     string
	}{
		{"bad token", "not-a-jwt", url.Values{"service_id": {"s"}}, 16, "Request unauthenticated with bearer"},
		{"deactivated organization", initech.token, url.Values{"service_id": {"s"}}, 7, "Token rejected"},
		{"no filter", alice.token, url.Values{}, 3, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			conn, _, err := dialTail(t, e, c.token, c.q) //nolint:bodyclose // websocket.Dial owns the body
			if err != nil {
				t.Fatal(err)
			}
			defer conn.CloseNow()
			status, _ := readFrame(t, conn)["error"].(map[string]any)
			if status["code"] != c.code || (c.message != "" && status["message"] != c.message) {
				t.Fatalf("error frame %v, want code %v %q", status, c.code, c.message)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if _, _, err := conn.Read(ctx); websocket.CloseStatus(err) != websocket.StatusPolicyViolation {
				t.Errorf("after the error frame: %v, want a policy-violation close", err)
			}
		})
	}
}

func TestQueryLogs(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_acme")
	q := url.Values{"service_id": {"svc-1"}, "start": {"2026-01-01T10:00:00Z"}, "end": {"2026-01-01T10:01:00Z"}, "limit": {"5"}}
	r := alice.get("/v1/streams/logs/query", q).want(t, http.StatusOK)
	data, pagination := list(r.body["data"]), r.object("pagination")
	if len(data) != 5 || pagination["has_more"] != true || data[0]["created_at"] != "2026-01-01T10:01:00Z" {
		t.Fatalf("first page %s", r.raw)
	}
	q.Set("end", pagination["next_end"].(string))
	q.Set("limit", "100")
	rest := alice.get("/v1/streams/logs/query", q).want(t, http.StatusOK)
	if n := len(list(rest.body["data"])); n != 7 || rest.object("pagination")["has_more"] != false {
		t.Fatalf("second page: %d lines, %s", n, rest.raw)
	}
	q.Set("streams", "bogus")
	alice.get("/v1/streams/logs/query", q).wantField(t, "streams")
	alice.get("/v1/streams/logs/query", url.Values{"limit": {"1"}}).wantField(t, "service_id")
}

func TestMetrics(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_acme")
	q := url.Values{"service_id": {"svc-1"}, "name": {"CPU_TOTAL_PERCENT"}, "start": {"2026-01-01T10:00:00Z"},
		"end": {"2026-01-01T11:00:00Z"}, "step": {"15m"}}
	metrics := list(alice.get("/v1/streams/metrics", q).want(t, http.StatusOK).body["metrics"])
	if len(metrics) != 2 || len(list(metrics[0]["samples"])) != 5 {
		t.Fatalf("metrics %v", metrics)
	}
	q.Set("name", "UNKNOWN")
	alice.get("/v1/streams/metrics", q).wantField(t, "name")
}

func TestExcludedOperationsAre501(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "")
	for _, c := range []struct{ method, path string }{
		{http.MethodPost, "/v1/organizations/org_acme/switch"},
		{http.MethodPost, "/v1/unscope_organization_token"},
		{http.MethodGet, "/v1/streams/instances/exec?id=i"},
	} {
		alice.offContract(c.method, c.path).wantError(t, http.StatusNotImplemented, "unimplemented", "")
	}
}
