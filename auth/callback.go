package auth

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// callbackPath is the loopback redirect path registered as .../callback.
const callbackPath = "/callback"

// callback is the one accepted redirect: a code, or an error from the server.
type callback struct {
	code, state, errCode, errDescription string
	reply                                chan pageOutcome // what the browser tab shows; nil for a pasted redirect
}

type pageOutcome struct {
	ok             bool
	title, message string
}

// callbackServer is the loopback listener of a browser sign-in (B1, B3): 127.0.0.1 on a random port,
// one accepted request, error pages for everything else until the sign-in ends.
type callbackServer struct {
	ln        net.Listener
	srv       *http.Server
	host      string // "127.0.0.1:<port>": the only Host header accepted
	state     string
	accepted  atomic.Bool
	callbacks chan callback
}

// startCallbackServer listens on 127.0.0.1:port (0: a random port).
func startCallbackServer(ctx context.Context, state string, port int) (*callbackServer, error) {
	if port < 0 || port > 65535 {
		return nil, fmt.Errorf("the callback port %d is not a TCP port (1-65535)", port)
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		if port != 0 {
			return nil, &CallbackPortError{Port: port, Err: err}
		}
		return nil, fmt.Errorf("open the loopback listener for the sign-in callback: %w", err)
	}
	c := &callbackServer{ln: ln, host: ln.Addr().String(), state: state, callbacks: make(chan callback, 1)}
	c.srv = &http.Server{Handler: c, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = c.srv.Serve(ln) }()
	return c, nil
}

// CallbackPortError is a fixed callback port that could not be listened on (another sign-in, or another
// program, holds it).
type CallbackPortError struct {
	Port int
	Err  error
}

func (e *CallbackPortError) Error() string {
	return fmt.Sprintf("the sign-in callback port %d on 127.0.0.1 cannot be used: %v", e.Port, e.Err)
}

func (e *CallbackPortError) Unwrap() error { return e.Err }

func (c *callbackServer) redirectURI() string { return "http://" + c.host + callbackPath }

// close lets a page being written finish (the tab shows how the sign-in ended), then stops. Its grace period
// is its own: a caller closing because its context ended still lets the page finish.
//
//nolint:contextcheck // a fresh bounded context on purpose (above)
func (c *callbackServer) close() error {
	// Shutdown closes only the listeners Serve has registered: when Serve's goroutine has not run yet, the
	// port would stay bound until it does, and a sign-in started right after on the same fixed port fails.
	// Closing the listener here frees the port now (a second close's error means nothing).
	defer func() { _ = c.ln.Close() }()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := c.srv.Shutdown(ctx); err != nil {
		return c.srv.Close()
	}
	return nil
}

func (c *callbackServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
	w.Header().Set("X-Frame-Options", "DENY")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
	if r.Method != http.MethodGet {
		writePage(w, http.StatusMethodNotAllowed, pageOutcome{title: "Not a sign-in callback", message: "Only GET is served here."})
		return
	}
	if problem := c.checkNavigation(r.Header); problem != "" {
		writePage(w, http.StatusForbidden, pageOutcome{title: "Sign-in not accepted", message: problem +
			" The terminal is still waiting for the sign-in it started."})
		return
	}
	cb, status, problem := c.check(r.Host, r.URL)
	if problem != "" {
		writePage(w, status, pageOutcome{title: "Sign-in not accepted", message: problem +
			" The terminal is still waiting for the sign-in it started."})
		return
	}
	cb.reply = make(chan pageOutcome, 1)
	c.callbacks <- cb
	select {
	case o := <-cb.reply:
		writePage(w, http.StatusOK, o)
	case <-time.After(30 * time.Second):
		writePage(w, http.StatusAccepted, pageOutcome{title: "Return to the terminal", message: "panel received the sign-in; the terminal says how it ended."})
	case <-r.Context().Done():
	}
}

// checkNavigation refuses what a web page can make a browser send to 127.0.0.1 behind the user's back:
// the genuine callback is a top-level navigation (the sign-in page redirecting the tab), which carries no
// Origin header, or our own, and Sec-Fetch-Mode "navigate" where the browser sends it. A fetch, an <img> or
// a <script> from another site is not a sign-in.
func (c *callbackServer) checkNavigation(h http.Header) string {
	if o := h.Get("Origin"); o != "" && o != "http://"+c.host {
		return "A request from another site cannot complete a sign-in."
	}
	if m := h.Get("Sec-Fetch-Mode"); m != "" && m != "navigate" {
		return "Only the browser tab of the sign-in can complete it."
	}
	return ""
}

// check validates a redirect (from the browser or pasted): exact path, the loopback Host, the state of
// this sign-in (constant-time), then a code or an error, accepted once.
func (c *callbackServer) check(host string, u *url.URL) (callback, int, string) {
	if u.Path != callbackPath {
		return callback{}, http.StatusNotFound, "This address is not panel's sign-in callback."
	}
	if host != c.host {
		return callback{}, http.StatusBadRequest, "The request was not addressed to " + c.host + "."
	}
	q := u.Query()
	if st := q.Get("state"); st == "" || !sameSecret(st, c.state) {
		return callback{}, http.StatusBadRequest, "The state does not match this sign-in (an old or forged link)."
	}
	cb := callback{code: q.Get("code"), state: q.Get("state"), errCode: q.Get("error"), errDescription: q.Get("error_description")}
	if cb.errCode == "" && cb.code == "" {
		return callback{}, http.StatusBadRequest, "The redirect carries no authorization code."
	}
	if !c.accepted.CompareAndSwap(false, true) {
		return callback{}, http.StatusConflict, "This sign-in has already been completed."
	}
	return cb, 0, ""
}

// submit accepts a redirected address pasted into the terminal (B2): the browser on another machine could
// not reach 127.0.0.1, but its address bar holds the code. A bare "code=...&state=..." works too.
func (c *callbackServer) submit(raw string) error {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return errors.New("nothing was pasted")
	}
	if !strings.Contains(raw, "://") && (strings.HasPrefix(raw, "127.0.0.1:") || strings.HasPrefix(raw, "localhost:") ||
		strings.HasPrefix(raw, "[::1]:")) {
		raw = "http://" + raw // copied without the scheme
	}
	var u *url.URL
	if q, ok := strings.CutPrefix(raw, "?"); ok || !strings.Contains(raw, "://") {
		u = &url.URL{Scheme: "http", Host: c.host, Path: callbackPath, RawQuery: q}
	} else {
		var err error
		if u, err = url.Parse(raw); err != nil {
			return errors.New("that is not an address: paste the whole address from the browser's address bar")
		}
	}
	cb, _, problem := c.check(c.pastedHost(u.Host), u)
	if problem != "" {
		return errors.New(strings.TrimSuffix(problem, "."))
	}
	c.callbacks <- cb
	return nil
}

// pastedHost reads a pasted address's host as this listener's when it names the same port on localhost or
// ::1: the redirect went to 127.0.0.1, but a browser, a proxy or the user may show or retype it so. The state
// still has to match. A live request's Host is never relaxed (a web page could rebind a name to 127.0.0.1).
func (c *callbackServer) pastedHost(host string) string {
	name, port, err := net.SplitHostPort(host)
	_, ours, _ := net.SplitHostPort(c.host)
	if err == nil && port == ours && (strings.EqualFold(name, "localhost") || name == "::1") {
		return c.host
	}
	return host
}

func writePage(w http.ResponseWriter, status int, o pageOutcome) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	mark := "&#10007;"
	if o.ok {
		mark = "&#10003;"
	}
	fmt.Fprintf(w, `<!doctype html><html><head><meta charset="utf-8"><title>panel: %s</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}</style>
</head><body><h1>%s %s</h1><p>%s</p></body></html>`,
		html.EscapeString(o.title), mark, html.EscapeString(o.title), html.EscapeString(o.message))
}
