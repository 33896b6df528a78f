package auth

import (
	"context"
	"errors"
	"sync"
	"time"
)

// An exchange spends a single-use credential (a refresh token, a sign-in code, a device code): once it is
// sent, WorkOS may have consumed it, and only its answer, stored, keeps the session. So an exchange runs to
// its end and stores what it got whatever happens to its caller (a cancelled context, a signal, the TUI
// quitting), bounded by its own timeout, and the process waits for the ones still running before it exits.

// exchanges counts the exchanges running in this process.
var exchanges inflight

type inflight struct {
	mu   sync.Mutex
	n    int
	idle chan struct{} // closed when n drops to 0; nil while n is 0
}

func (f *inflight) add() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.n == 0 {
		f.idle = make(chan struct{})
	}
	f.n++
}

func (f *inflight) done() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.n--
	if f.n == 0 {
		close(f.idle)
		f.idle = nil
	}
}

// wait returns a channel closed once nothing runs (nil when nothing runs now).
func (f *inflight) wait() <-chan struct{} {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.idle
}

// ExchangesPending reports whether an exchange is running in this process.
func ExchangesPending() bool { return exchanges.wait() != nil }

// WaitExchanges blocks until no exchange runs in this process, or ctx ends (then ctx's error). Exit paths
// call it: the new tokens are stored before the process goes. Each exchange is bounded by its own timeout.
func WaitExchanges(ctx context.Context) error {
	for {
		idle := exchanges.wait()
		if idle == nil {
			return nil
		}
		select {
		case <-idle:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// storageTimeout is what an exchange's writes may add to its request's timeout (keychain calls have their
// own timeout; a few of them follow an exchange).
const storageTimeout = 15 * time.Second

// exchangeTimeout bounds an exchange no caller can cancel any more: the request (the HTTP client's timeout,
// 30 s without one) and the writes that store its outcome.
func (s *Session) exchangeTimeout() time.Duration {
	d := 30 * time.Second
	if t := s.wos.http.Timeout; t > 0 {
		d = t
	}
	return d + storageTimeout
}

// MaxExchangeWait is how long exit paths wait for running exchanges (WaitExchanges) at most: a request
// bounded by timeout, and the writes.
func MaxExchangeWait(requestTimeout time.Duration) time.Duration {
	if requestTimeout <= 0 {
		requestTimeout = 30 * time.Second
	}
	return requestTimeout + storageTimeout
}

// settle runs f, an exchange and the writes that store its outcome, under a context no caller can cancel
// (ctx's values, the session's exchange timeout), counted by ExchangesPending/WaitExchanges. It returns
// f's result, or ctx's error as soon as ctx is cancelled: f then goes on alone and stores what it gets.
func settle[T any](ctx context.Context, timeout time.Duration, f func(ctx context.Context) (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	exchanges.add()
	out := make(chan result, 1)
	go func() {
		defer exchanges.done()
		dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), timeout)
		defer cancel()
		v, err := f(dctx)
		out <- result{v, err}
	}()
	select {
	case r := <-out:
		return r.v, r.err
	case <-ctx.Done():
		if gaveUp(ctx) {
			var zero T
			return zero, ctx.Err()
		}
		r := <-out
		return r.v, r.err
	}
}

// gaveUp tells a caller that was cancelled (a signal, a quit, a closed screen: it returns at once) from one
// whose deadline passed: that one waits for the exchange's own outcome, bounded by the same request
// timeout, which says which server was slow instead of blaming the caller's request.
func gaveUp(ctx context.Context) bool {
	return !errors.Is(ctx.Err(), context.DeadlineExceeded)
}
