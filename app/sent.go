package app

import (
	"context"
	"net/http/httptrace"
	"sync"
	"time"
)

// sentWait bounds how long a switch waits for its reads to be on the wire before it reports the new
// organization anyway (a request still dialing, say): the header is never held back longer than this.
// A variable for the tests.
var sentWait = 5 * time.Millisecond

// onTheWire tells when requests have been written to their connections (or their calls ended without
// one, e.g. an error before sending). A switch reports the new organization only then: the screens'
// reloads that the report starts would otherwise compete with the reads the switch waits for, and on a
// busy machine send theirs first.
type onTheWire struct {
	mu   sync.Mutex
	n    int
	done chan struct{}
}

func newOnTheWire() *onTheWire { return &onTheWire{done: make(chan struct{})} }

// track returns the context for one more request and the function to call when its call ends.
func (w *onTheWire) track(ctx context.Context) (context.Context, func()) {
	w.mu.Lock()
	w.n++
	w.mu.Unlock()
	var once sync.Once
	sent := func() {
		once.Do(func() {
			w.mu.Lock()
			defer w.mu.Unlock()
			if w.n--; w.n == 0 {
				close(w.done)
			}
		})
	}
	return httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteRequest: func(httptrace.WroteRequestInfo) { sent() },
	}), sent
}

// wait returns once every tracked request was written or its call ended, or after sentWait.
func (w *onTheWire) wait() {
	w.mu.Lock()
	n := w.n
	w.mu.Unlock()
	if n == 0 {
		return
	}
	t := time.NewTimer(sentWait)
	defer t.Stop()
	select {
	case <-w.done:
	case <-t.C:
	}
}
