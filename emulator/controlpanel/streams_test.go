package controlpanel_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

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
	// Two recent lines at once, then generated ones: read past the history.
	for i := 0; i < 4; i++ {
		result, _ := readFrame(t, conn)["result"].(map[string]any)
		labels, _ := result["labels"].(map[string]any)
		if result["msg"] == "" || labels["service_id"] != "svc-1" {
			t.Fatalf("frame %d: %v", i, result)
		}
	}
	conn.Close(websocket.StatusNormalClosure, "")
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
