package hooks

import (
	"context"
	"net/http"
	"strings"
	"sync/atomic"
)

// A fault with a frame stands for the real gateway, which upgrades every log stream and sends its errors
// as frames: the request goes through (upgraded), and the stream sends the frame after after_lines lines,
// then closes. Without an upgrade (a plain GET) the fault does not fire.

type streamFaultKey struct{}

// StreamFault is the frame fault armed for this request, if any (the API half asks while it streams).
func StreamFault(r *http.Request) (frame []byte, afterLines int, ok bool) {
	f, ok := r.Context().Value(streamFaultKey{}).(Fault)
	if !ok {
		return nil, 0, false
	}
	return []byte(f.Frame), f.AfterLines, true
}

// withStreamFault hands a frame fault to the stream handler.
func withStreamFault(r *http.Request, f Fault) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), streamFaultKey{}, f))
}

func isUpgrade(r *http.Request) bool {
	return strings.EqualFold(r.Header.Get("Upgrade"), "websocket")
}

// streamStats counts what the log streams saw.
type streamStats struct {
	pings atomic.Int64
}

// CountPing records a ping received on a log stream.
func (c *Controls) CountPing() { c.streams.pings.Add(1) }

// Pings is how many pings the log streams received.
func (c *Controls) Pings() int64 { return c.streams.pings.Load() }

func (h *hooks) streamsInfo(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]int64{"pings": h.c.Pings()})
}
