package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// TokenFunc returns a valid access token (auth's Session.Token). The log
// stream asks for one before every dial, so a reconnect never reuses an
// expired token (B13).
type TokenFunc func(ctx context.Context) (string, error)

// LogStream is a live log tail over the WebSocket stream. Next returns the
// lines one by one and reconnects on its own when the connection drops.
type LogStream struct {
	c      *Client
	params TailLogsParams
	token  TokenFunc

	mu   sync.Mutex
	conn *websocket.Conn
}

// TailLogs dials GET /v1/streams/logs/tail with the token as the
// subprotocols "Bearer", "<token>". A refused handshake is an *Error. The
// first dial is tried once (wrap it in Retrying to retry it); drops of the
// open stream are redialled by Next.
func (c *Client) TailLogs(ctx context.Context, p TailLogsParams, token TokenFunc) (*LogStream, error) {
	s := &LogStream{c: c, params: p, token: token}
	if err := s.dial(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

const tailPath = "/v1/streams/logs/tail"

func (s *LogStream) dial(ctx context.Context) error {
	tok, err := s.token(ctx)
	if err != nil {
		return err
	}
	u := s.c.baseURL + tailPath
	if q := s.params.query(); len(q) > 0 {
		u += "?" + q.Encode()
	}
	// The handshake is bounded like any request; the open stream is not.
	dialCtx, cancel := context.WithTimeout(ctx, s.c.timeout)
	defer cancel()
	start := time.Now()
	//nolint:bodyclose // websocket.Dial owns the handshake response's body (its docs: never close it yourself)
	conn, resp, err := websocket.Dial(dialCtx, u, &websocket.DialOptions{
		HTTPClient:   s.c.hc,
		Subprotocols: []string{"Bearer", tok},
	})
	if err != nil {
		if resp != nil && resp.StatusCode/100 == 2 {
			return fmt.Errorf("the API answered the log stream with HTTP %d instead of opening it (GET %s)", resp.StatusCode, tailPath)
		}
		if resp != nil && resp.StatusCode != http.StatusSwitchingProtocols {
			body, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
			return parseError(http.MethodGet, tailPath, resp.StatusCode, resp.Header, body)
		}
		return failure(ctx, dialCtx, http.MethodGet, tailPath, start, err)
	}
	conn.SetReadLimit(1 << 20)
	s.mu.Lock()
	s.conn = conn
	s.mu.Unlock()
	return nil
}

// frame is one message of the stream: a line, or an error (google.rpc.Status).
type frame struct {
	Result *LogEntry `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// Next returns the next line. It reconnects (fresh token, backoff per the
// client's retry policy) when the connection drops; it returns io.EOF when
// the server ends the stream normally, an *Error for an error frame, and
// ctx's error when ctx ends.
func (s *LogStream) Next(ctx context.Context) (LogEntry, error) {
	failures := 0
	for {
		s.mu.Lock()
		conn := s.conn
		s.mu.Unlock()
		if conn != nil {
			_, data, err := conn.Read(ctx)
			if err == nil {
				failures = 0
				entry, ok, err := s.decodeFrame(data)
				if ok || err != nil {
					return entry, err
				}
				continue // a frame with neither result nor error (keep-alive)
			}
			if ctx.Err() != nil {
				return LogEntry{}, ctx.Err()
			}
			if websocket.CloseStatus(err) == websocket.StatusNormalClosure {
				return LogEntry{}, io.EOF
			}
			s.drop(conn)
			failures++
			if err := s.reconnect(ctx, failures, err); err != nil {
				return LogEntry{}, err
			}
			continue
		}
		failures++
		if err := s.reconnect(ctx, failures, errors.New("not connected")); err != nil {
			return LogEntry{}, err
		}
	}
}

// reconnect waits and dials again; it gives up after the retry policy's attempts.
func (s *LogStream) reconnect(ctx context.Context, failures int, cause error) error {
	r := s.c.retry
	for ; failures <= r.Attempts; failures++ {
		wait := r.delay(failures - 1)
		if s.c.notify != nil {
			s.c.notify(Notice{Operation: "TailLogs", Attempt: failures, Wait: wait, Err: cause})
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
		err := s.dial(ctx)
		if err == nil {
			return nil
		}
		if e, ok := asError(err); ok && !IsServerError(e) && !IsRateLimited(e) && !IsUnauthenticated(e) {
			return err // refused for good (404, 403...)
		}
		if _, ok := asError(err); !ok && !IsNetworkError(err) {
			return err // the token could not be had (sign-in needed)
		}
		cause = err
	}
	return cause
}

func (s *LogStream) decodeFrame(data []byte) (LogEntry, bool, error) {
	var f frame
	if err := json.Unmarshal(data, &f); err != nil {
		return LogEntry{}, false, fmt.Errorf("decode log frame: %w", err)
	}
	if f.Error != nil {
		return LogEntry{}, false, &Error{Status: grpcStatus(f.Error.Code), Message: f.Error.Message, Method: http.MethodGet, Path: tailPath}
	}
	if f.Result == nil {
		return LogEntry{}, false, nil
	}
	return *f.Result, true, nil
}

func (s *LogStream) drop(conn *websocket.Conn) {
	conn.CloseNow()
	s.mu.Lock()
	if s.conn == conn {
		s.conn = nil
	}
	s.mu.Unlock()
}

// Close ends the stream.
func (s *LogStream) Close() error {
	s.mu.Lock()
	conn := s.conn
	s.conn = nil
	s.mu.Unlock()
	if conn == nil {
		return nil
	}
	return conn.Close(websocket.StatusNormalClosure, "")
}

// grpcStatus maps a google.rpc.Status code to the HTTP status the REST
// gateway would have used, so the classifiers work on stream errors too.
func grpcStatus(code int) int {
	switch code {
	case 3, 9, 11:
		return http.StatusBadRequest
	case 5:
		return http.StatusNotFound
	case 7:
		return http.StatusForbidden
	case 8:
		return http.StatusTooManyRequests
	case 14:
		return http.StatusServiceUnavailable
	case 16:
		return http.StatusUnauthorized
	}
	return http.StatusInternalServerError
}
