package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"syscall"
	"time"
)

// NetworkError is a request that got no complete answer from the API: it
// timed out, the connection was reset or closed, or the API could not be
// reached. It unwraps to the transport's error, so IsNetworkError holds
// and reads retry it.
type NetworkError struct {
	Method, Path string
	TimedOut     bool
	After        time.Duration // how long the request waited before it timed out
	Err          error
}

func (e *NetworkError) Error() string {
	where := e.Method + " " + e.Path
	switch {
	case e.TimedOut:
		return fmt.Sprintf("the API did not answer in time (timed out after %s on %s)", e.After.Round(100*time.Millisecond), where)
	case errors.Is(e.Err, syscall.ECONNRESET):
		return fmt.Sprintf("the connection to the API was reset before it answered (%s)", where)
	case errors.Is(e.Err, io.EOF) || errors.Is(e.Err, io.ErrUnexpectedEOF):
		return fmt.Sprintf("the API closed the connection before it answered (%s)", where)
	case errors.Is(e.Err, syscall.ECONNREFUSED):
		return fmt.Sprintf("cannot reach the API: connection refused (%s)", where)
	}
	return fmt.Sprintf("cannot reach the API (%s): %v", where, withoutURL(e.Err))
}

func (e *NetworkError) Unwrap() error { return e.Err }

// failure says what became of a request that got no answer (or no whole
// body): ctx is the caller's, reqCtx the request's own (bounded by the
// client's timeout), start when it was sent.
func failure(ctx, reqCtx context.Context, method, path string, start time.Time, err error) error {
	if errors.Is(ctx.Err(), context.Canceled) {
		return ctx.Err() // the caller gave up (Ctrl-C, a screen that left)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		var inner *url.Error
		if errors.As(ue.Err, &inner) || (!IsNetworkError(ue.Err) && reqCtx.Err() == nil) {
			// The token's own request failed (WorkOS, which says so), or no
			// request went out (sign-in needed, bearer refused): that error as is.
			return ue.Err
		}
	}
	timedOut := reqCtx.Err() == context.DeadlineExceeded || errors.Is(err, context.DeadlineExceeded)
	var ne interface{ Timeout() bool }
	if errors.As(err, &ne) && ne.Timeout() {
		timedOut = true
	}
	return &NetworkError{Method: method, Path: path, TimedOut: timedOut, After: time.Since(start), Err: err}
}

// withoutURL drops a *url.Error's `Get "<url>":` prefix (the URL is in the message already).
func withoutURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// decodeAnswer decodes a 2xx answer of k into out, saying which operation
// got an answer that is not the JSON it expects.
func decodeAnswer(k call, data []byte, out any) error {
	err := decode(data, out)
	if err == nil {
		return nil
	}
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("the API's answer to %s %s is not valid JSON (%w)", k.method, k.path, errors.Unwrap(err))
	}
	return fmt.Errorf("the API's answer to %s %s is not the JSON expected (%w)", k.method, k.path, errors.Unwrap(err))
}
