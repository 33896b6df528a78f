package controlpanel

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/coder/websocket"
)

// tailLogs is TailLogs over WebSocket. The upgrade is accepted first, echoing
// the subprotocol "Bearer" (the token is the second one offered), and every
// problem, the token's included, arrives as one {"error": google.rpc.Status}
// frame before the connection closes, as the real gateway's WebSocket proxy
// does. Then {"result": LogEntry} frames: the lines since start (default 24
// hours ago), the last limit of them (default and most 1000), then each new
// line as it is written (one every Options.LogInterval) until the client goes
// away. Pings are answered (and counted through Options.OnPing); a fault
// armed through Options.StreamFault sends its frame after its number of lines.
func (h *handler) tailLogs(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Upgrade") == "" {
		// Not a WebSocket: answer like any other endpoint.
		c, ok := h.authorize(w, r, orgScope)
		if ok && c != nil {
			badRequest(w, "This endpoint streams over WebSocket")
		}
		return
	}
	conn, err := websocket.Accept(w, r, &websocket.AcceptOptions{Subprotocols: []string{"Bearer"},
		OnPingReceived: func(context.Context, []byte) bool {
			if h.opts.OnPing != nil {
				h.opts.OnPing()
			}
			return true
		}})
	if err != nil {
		h.logf("log tail: %v", err)
		return
	}
	defer conn.CloseNow()
	ctx := conn.CloseRead(r.Context())

	capture := &errorCapture{header: http.Header{}}
	c, ok := h.authorize(capture, r, orgScope)
	if ok {
		if t, ok2 := h.readTail(capture, r, c); ok2 {
			h.streamLogs(ctx, conn, t, h.streamFault(r))
			return
		}
	}
	var e apiError
	_ = json.Unmarshal(capture.body.Bytes(), &e)
	closeWithError(ctx, conn, grpcCode(capture.status), e.Message)
}

// tail is a checked tail request.
type tail struct {
	filter logFilter
	orgID  string
	start  time.Time
}

// readTail reads the filter and start, answering 400 itself.
func (h *handler) readTail(w http.ResponseWriter, r *http.Request, c *caller) (tail, bool) {
	f, ok := readLogFilter(w, r, maxTailLimit, maxTailLimit)
	if !ok {
		return tail{}, false
	}
	start, ok := readTime(w, r, "start", h.st.Now().Add(-24*time.Hour))
	if !ok {
		return tail{}, false
	}
	return tail{filter: h.withSource(f, c.org.ID), orgID: c.org.ID, start: start}, true
}

// maxTailLimit is what a tail replays at most, and by default.
const maxTailLimit = 1000

// streamFault is the fault armed for this stream, if any.
func (h *handler) streamFault(r *http.Request) *StreamFault {
	if h.opts.StreamFault == nil {
		return nil
	}
	f, ok := h.opts.StreamFault(r)
	if !ok {
		return nil
	}
	return &f
}

// closeWithError sends one google.rpc.Status frame and closes, as the gateway does.
func closeWithError(ctx context.Context, conn *websocket.Conn, code int, message string) {
	writeFrame(ctx, conn, map[string]any{"error": map[string]any{"code": code, "message": message}})
	conn.Close(websocket.StatusPolicyViolation, truncate(message, 120))
}

// streamLogs sends the replay, then the live lines. Lines sit on a grid of
// LogInterval: the replay is the grid's points from start to now that pass
// the filter (the last limit of them), and each tick sends the next point,
// so a client resuming from its last line's time gets every line once.
func (h *handler) streamLogs(ctx context.Context, conn *websocket.Conn, t tail, fault *StreamFault) {
	step := h.opts.LogInterval
	sent := 0
	send := func(at time.Time) bool {
		if fault != nil && sent == fault.AfterLines {
			writeFrame(ctx, conn, json.RawMessage(fault.Frame))
			conn.Close(websocket.StatusPolicyViolation, "")
			return false
		}
		sent++
		return writeFrame(ctx, conn, map[string]any{"result": t.filter.line(t.orgID, at)})
	}
	now := h.st.Now()
	first := ceilTo(t.start, step)
	var replay []time.Time
	for at, n := now.Truncate(step), 0; !at.Before(first) && len(replay) < t.filter.limit && n < maxReplayScan; at, n = at.Add(-step), n+1 {
		if t.filter.matches(at) {
			replay = append(replay, at)
		}
	}
	for i := len(replay) - 1; i >= 0; i-- {
		if !send(replay[i]) {
			return
		}
	}
	if fault != nil && sent == fault.AfterLines && !send(time.Time{}) {
		return
	}
	next := now.Truncate(step).Add(step)
	if first.After(next) {
		next = first
	}
	ticker := time.NewTicker(step)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
		at := next
		next = next.Add(step)
		if t.filter.matches(at) && !send(at) {
			return
		}
	}
}

// maxReplayScan bounds the walk back through history (24 hours at 500 ms).
const maxReplayScan = 200_000

// ceilTo rounds t up to a multiple of step.
func ceilTo(t time.Time, step time.Duration) time.Time {
	c := t.Truncate(step)
	if c.Before(t) {
		c = c.Add(step)
	}
	return c
}

func writeFrame(ctx context.Context, conn *websocket.Conn, v any) bool {
	data, err := json.Marshal(v)
	if err != nil {
		return false
	}
	return conn.Write(ctx, websocket.MessageText, data) == nil
}

// grpcCode is the google.rpc.Status code of an HTTP status, as grpc-gateway maps them.
func grpcCode(status int) int {
	switch status {
	case http.StatusBadRequest:
		return 3 // INVALID_ARGUMENT
	case http.StatusUnauthorized:
		return 16 // UNAUTHENTICATED
	case http.StatusForbidden:
		return 7 // PERMISSION_DENIED
	case http.StatusNotFound:
		return 5 // NOT_FOUND
	}
	return 13 // INTERNAL
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// errorCapture records the error answer of a check that ran after the
// WebSocket upgrade, when the answer has to travel as a frame instead.
type errorCapture struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (e *errorCapture) Header() http.Header         { return e.header }
func (e *errorCapture) Write(b []byte) (int, error) { return e.body.Write(b) }
func (e *errorCapture) WriteHeader(status int)      { e.status = status }
