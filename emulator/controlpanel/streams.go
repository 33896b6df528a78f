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
// does. Then {"result": LogEntry} frames: the recent lines (limit, default 10)
// at once, and a generated line every Options.LogInterval until the client
// goes away.
func (h *handler) tailLogs(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Upgrade") == "" {
		// Not a WebSocket: answer like any other endpoint.
		c, ok := h.authorize(w, r, orgScope)
		if ok && c != nil {
			badRequest(w, "This endpoint streams over WebSocket")
		}
		return
	}
	conn, err := websocket.Accept(w, r, &websocket.AcceptOptions{Subprotocols: []string{"Bearer"}})
	if err != nil {
		h.logf("log tail: %v", err)
		return
	}
	defer conn.CloseNow()
	ctx := conn.CloseRead(r.Context())

	capture := &errorCapture{header: http.Header{}}
	c, ok := h.authorize(capture, r, orgScope)
	if ok {
		if f, ok2 := readLogFilter(capture, r, 10); ok2 {
			h.streamLogs(ctx, conn, c.org.ID, f.withMessages(h.st.Settings().LogMessages))
			return
		}
	}
	var e apiError
	_ = json.Unmarshal(capture.body.Bytes(), &e)
	writeFrame(ctx, conn, map[string]any{"error": map[string]any{"code": grpcCode(capture.status), "message": e.Message}})
	conn.Close(websocket.StatusPolicyViolation, truncate(e.Message, 120))
}

func (h *handler) streamLogs(ctx context.Context, conn *websocket.Conn, orgID string, f logFilter) {
	now := h.st.Now()
	for i := f.limit; i > 0; i-- {
		if !writeFrame(ctx, conn, map[string]any{"result": f.line(orgID, now.Add(-time.Duration(i)*time.Second))}) {
			return
		}
	}
	ticker := time.NewTicker(h.opts.LogInterval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			if !writeFrame(ctx, conn, map[string]any{"result": f.line(orgID, h.st.Now())}) {
				return
			}
		}
	}
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
