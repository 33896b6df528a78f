package hooks

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Prefix is where the hook endpoints live; requests under it skip latency, faults and the log.
const Prefix = "/_emulator/"

// Middleware wraps the emulator's handler: it logs the request, injects a matching fault, and adds latency.
func (c *Controls) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, Prefix) {
			next.ServeHTTP(w, r)
			return
		}
		start := time.Now()
		inFlight := c.arrive()
		defer c.leave() // also when a reset fault aborts the handler
		rec := &recorder{ResponseWriter: w}
		c.serve(rec, r, next)
		status := rec.status
		if status == 0 && !rec.hijacked {
			status = http.StatusOK
		}
		c.record(Request{Method: r.Method, Path: r.URL.Path, Query: redactQuery(r.URL.Query()), Status: status,
			Time: start.UTC(), DurationMS: float64(time.Since(start).Microseconds()) / 1000,
			ProjectHeader: r.Header.Get("X-Koyeb-Project-Id"), InFlight: inFlight})
	})
}

func (c *Controls) serve(w *recorder, r *http.Request, next http.Handler) {
	if !wait(r, c.Latency()) {
		return
	}
	f, ok := c.takeFault(r.Method, r.URL.Path)
	if !ok {
		next.ServeHTTP(w, r)
		return
	}
	if f.delay > 0 && r.Body != nil {
		// net/http notices a client that gave up only once the request body is read: read it first.
		body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	if !wait(r, f.delay) {
		return
	}
	switch {
	case f.Hold:
		c.serveHeld(w, r, next)
	case f.answerDelay > 0:
		serveLate(w, r, next, f.answerDelay)
	case f.Frame != "":
		if isUpgrade(r) {
			next.ServeHTTP(w, withStreamFault(r, f))
			return
		}
		next.ServeHTTP(w, r)
	case f.Reset:
		resetConnection(w)
	case f.Status != 0:
		ct := f.ContentType
		if ct == "" {
			ct = "application/json"
			if !strings.HasPrefix(strings.TrimSpace(f.Body), "{") && !strings.HasPrefix(strings.TrimSpace(f.Body), "[") {
				ct = "text/plain; charset=utf-8"
			}
		}
		w.Header().Set("Content-Type", ct)
		if f.RetryAfter != "" {
			w.Header().Set("Retry-After", f.RetryAfter)
		}
		w.WriteHeader(f.Status)
		writeBody(w, r, f)
	default:
		next.ServeHTTP(w, r) // a delay-only fault
	}
}

// writeBody writes the fault's body; with a body delay, the headers and the first byte are flushed at
// once and the rest follows after the delay (unless the client gave up).
func writeBody(w *recorder, r *http.Request, f Fault) {
	body := []byte(f.Body)
	if f.bodyDelay > 0 && len(body) > 0 {
		_, _ = w.Write(body[:1])
		w.Flush()
		if !wait(r, f.bodyDelay) {
			return
		}
		body = body[1:]
	}
	_, _ = w.Write(body)
}

// wait sleeps d unless the client goes away first; false when it did.
func wait(r *http.Request, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

// resetConnection closes the connection without an answer (an RST where the platform allows).
func resetConnection(w *recorder) {
	conn, _, err := w.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler) // the server drops the connection
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0)
	}
	_ = conn.Close()
}

// redactQuery keeps the query readable but never a credential.
func redactQuery(q url.Values) string {
	for k := range q {
		lk := strings.ToLower(k)
		if lk == "code" || lk == "user_code" {
			q[k] = []string{"REDACTED"}
		}
		for _, secret := range []string{"token", "secret", "password", "verifier"} {
			if strings.Contains(lk, secret) {
				q[k] = []string{"REDACTED"}
			}
		}
	}
	return q.Encode()
}

// recorder notes the status while passing through Flush and Hijack (log streams are WebSockets).
type recorder struct {
	http.ResponseWriter
	status   int
	hijacked bool
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

func (r *recorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (r *recorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	h, ok := r.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, errors.New("hijacking is not supported")
	}
	r.hijacked = true
	if r.status == 0 {
		r.status = http.StatusSwitchingProtocols
	}
	return h.Hijack()
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
