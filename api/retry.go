package api

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"
	"time"
)

// Retry is the policy of reads: up to Attempts retries after a 5xx, a 429 or a
// network error, waiting Base, 2×Base, 4×Base… (at most Max; a 429's
// Retry-After wins when longer). Writes are never retried.
type Retry struct {
	Attempts int
	Base     time.Duration
	Max      time.Duration
}

// DefaultRetry is 3 retries, 500 ms doubling, at most 8 s.
var DefaultRetry = Retry{Attempts: 3, Base: 500 * time.Millisecond, Max: 8 * time.Second}

// Notice tells what the client does on its own before the caller gets an
// answer: backing off after a 429, or retrying after a failure.
type Notice struct {
	Operation   string
	RateLimited bool
	Attempt     int // 1 for the first retry
	Wait        time.Duration
	Err         error
}

func (n Notice) String() string {
	if n.RateLimited {
		return fmt.Sprintf("rate limited by the API; retrying %s in %s", n.Operation, n.Wait.Round(10*time.Millisecond))
	}
	return fmt.Sprintf("%s failed (%v); retry %d in %s", n.Operation, n.Err, n.Attempt, n.Wait.Round(10*time.Millisecond))
}

// Retrying runs read under the client's retry policy, for reads that are
// not plain calls (the log stream's first dial): fn is run again after a
// 5xx, a 429 or a network error, with the policy's backoff and notices.
func (c *Client) Retrying(ctx context.Context, op string, read func(context.Context) error) error {
	return c.retrying(ctx, op, read)
}

func (c *Client) retrying(ctx context.Context, op string, fn func(context.Context) error) error {
	for attempt := 0; ; attempt++ {
		err := fn(ctx)
		if err == nil || ctx.Err() != nil || !retryable(err) || (IsRateLimited(err) && leavesRateLimitsToCaller(ctx)) {
			return err
		}
		if attempt >= c.retry.Attempts {
			if attempt == 0 {
				return err
			}
			return fmt.Errorf("%w; gave up after %d attempts", err, attempt+1)
		}
		wait := c.retry.delay(attempt)
		if e, ok := asError(err); ok && e.RetryAfter > wait {
			wait = min(e.RetryAfter, max(c.retry.Max, wait))
		}
		if err := c.pause(ctx, Notice{Operation: op, RateLimited: IsRateLimited(err), Attempt: attempt + 1, Wait: wait, Err: err}); err != nil {
			return err
		}
	}
}

// pause tells n to whoever listens, then waits n.Wait or until ctx ends (its error).
func (c *Client) pause(ctx context.Context, n Notice) error {
	if c.notify != nil {
		c.notify(n)
	}
	t := time.NewTimer(n.Wait)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func (r Retry) delay(attempt int) time.Duration {
	d := r.Base << attempt
	if r.Max > 0 && d > r.Max {
		d = r.Max
	}
	return d
}

// retryable: 5xx, 429, or a network failure (refused, reset, timeout, EOF
// before an answer). Errors of the token transport (sign-in needed) are not.
func retryable(err error) bool {
	if IsServerError(err) || IsRateLimited(err) {
		return true
	}
	if _, ok := asError(err); ok {
		return false
	}
	return IsNetworkError(err)
}

// IsNetworkError reports a failure to reach the API or to get its answer
// (the session is kept on these: B9, "keep the session on network failures").
func IsNetworkError(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED)
}
