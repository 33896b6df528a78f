// Package handoff opens a URL that carries a secret (an SSO token, a signed answer) in the browser
// without putting the secret in a process argument, where `ps` shows it to every user of the machine
// (B22a). The browser gets a one-time loopback URL instead: 127.0.0.1, a random port and a random,
// unguessable path, which answers one navigation with a redirect to the real URL and then refuses.
package handoff

import (
	"context"
	"crypto/rand"
	"errors"
	"net"
	"net/http"
	"sync/atomic"
	"time"
)

// ErrNotOpened is returned by Wait when the browser never loaded the link.
var ErrNotOpened = errors.New("the browser did not load the link")

// Handoff is one listening one-time link.
type Handoff struct {
	ln     net.Listener
	srv    *http.Server
	host   string // "127.0.0.1:<port>": the only Host accepted
	path   string
	target string
	used   atomic.Bool
	done   chan struct{}
}

// Start listens on 127.0.0.1 (a random port) for one navigation to a random path, answered with a
// redirect to target.
func Start(ctx context.Context, target string) (*Handoff, error) {
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	h := &Handoff{ln: ln, host: ln.Addr().String(), path: "/" + rand.Text(), target: target, done: make(chan struct{})}
	h.srv = &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = h.srv.Serve(ln) }()
	return h, nil
}

// URL is the one-time link to give the browser.
func (h *Handoff) URL() string { return "http://" + h.host + h.path }

// Wait returns once the browser has been redirected, or ErrNotOpened when ctx ends first.
func (h *Handoff) Wait(ctx context.Context) error {
	select {
	case <-h.done:
		return nil
	case <-ctx.Done():
		return errors.Join(ErrNotOpened, ctx.Err())
	}
}

// Close stops listening, letting the redirect being written finish.
func (h *Handoff) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := h.srv.Shutdown(ctx); err != nil {
		return h.srv.Close()
	}
	return nil
}

// ServeHTTP redirects the first GET of the link and refuses everything else. Only a top-level
// navigation of the exact path and Host uses the link: a HEAD (a link preview), another path (the
// favicon) or a page's fetch leave it for the browser.
func (h *Handoff) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
	switch {
	case r.URL.Path != h.path || r.Host != h.host:
		http.Error(w, "Not found.", http.StatusNotFound)
		return
	case r.Method != http.MethodGet:
		http.Error(w, "Only GET is served here.", http.StatusMethodNotAllowed)
		return
	case r.Header.Get("Sec-Fetch-Mode") != "" && r.Header.Get("Sec-Fetch-Mode") != "navigate":
		http.Error(w, "Only a browser tab can open this link.", http.StatusForbidden)
		return
	case !h.used.CompareAndSwap(false, true):
		http.Error(w, "This link was already used: run the panel command again.", http.StatusGone)
		return
	}
	http.Redirect(w, r, h.target, http.StatusSeeOther)
	close(h.done)
}
