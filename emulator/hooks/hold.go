package hooks

import (
	"net/http"
	"time"
)

// Held is an answer the emulator has computed (the request took effect: a refresh token is spent) and holds
// back until released, so a test can act while the client waits for it.
type Held struct {
	Method string `json:"method"`
	Path   string `json:"path"`
	Status int    `json:"status"`
}

type heldAnswer struct {
	Held
	release chan struct{}
}

// serveHeld runs the request to its end into a buffer, then keeps the answer until ReleaseHeld (or until
// the client goes away: the answer is then lost, as it would be on a real network).
func (c *Controls) serveHeld(w *recorder, r *http.Request, next http.Handler) {
	buf := newBuffered()
	next.ServeHTTP(buf, r)
	h := &heldAnswer{Held: Held{Method: r.Method, Path: r.URL.Path, Status: buf.status()}, release: make(chan struct{})}
	c.mu.Lock()
	c.held = append(c.held, h)
	c.mu.Unlock()
	select {
	case <-h.release:
	case <-r.Context().Done():
		c.mu.Lock()
		for i, o := range c.held {
			if o == h {
				c.held = append(c.held[:i], c.held[i+1:]...)
				break
			}
		}
		c.mu.Unlock()
		return
	}
	buf.sendTo(w)
}

// HeldAnswers lists the answers held now, oldest first.
func (c *Controls) HeldAnswers() []Held {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]Held, 0, len(c.held))
	for _, h := range c.held {
		out = append(out, h.Held)
	}
	return out
}

// ReleaseHeld sends every held answer and says how many there were.
func (c *Controls) ReleaseHeld() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := len(c.held)
	for _, h := range c.held {
		close(h.release)
	}
	c.held = nil
	return n
}

func (h *hooks) heldAnswers(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, h.c.HeldAnswers())
}

func (h *hooks) releaseHeld(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]int{"released": h.c.ReleaseHeld()})
}

// serveLate runs the request to its end at once and sends the answer d later (unless the client gave up:
// the answer is then lost, the request's effect stays).
func serveLate(w *recorder, r *http.Request, next http.Handler, d time.Duration) {
	buf := newBuffered()
	next.ServeHTTP(buf, r)
	if !wait(r, d) {
		return
	}
	buf.sendTo(w)
}
