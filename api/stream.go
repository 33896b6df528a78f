package api

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// TokenSource gives the log stream its bearer token (auth's Session is
// one). Token is asked before every dial, so a reconnect never reuses an
// expired token (B13); RefreshToken replaces a token the stream refused.
type TokenSource interface {
	Token(ctx context.Context) (string, error)
	RefreshToken(ctx context.Context, rejected string) (string, error)
}

// MaxTailLimit is the most lines a tail replays (and what it replays when
// no limit is sent).
const MaxTailLimit = 1000

// DefaultPingInterval is how often an open log stream pings the server, so
// that proxies keep an idle stream open and a dead one is noticed (B31).
const DefaultPingInterval = 15 * time.Second

// WithPingInterval sets how often an open log stream pings (0: DefaultPingInterval).
func WithPingInterval(d time.Duration) Option { return func(cl *Client) { cl.ping = d } }

// LogStream is a live log tail over the WebSocket stream. Next returns the
// lines one by one and reconnects on its own when the connection drops,
// asking for the lines after the last one it returned (B31).
type LogStream struct {
	c      *Client
	params TailLogsParams
	tokens TokenSource

	mu   sync.Mutex
	conn *websocket.Conn
	stop context.CancelFunc // ends the current connection's pings

	token     string    // the token the current connection was opened with
	resumedAt time.Time // the start a resuming connection asked for (zero on the first)
	last      time.Time // created_at of the newest line returned
	lines     int       // lines returned since the last dial
	refreshed bool      // the current connection was opened with a refreshed token
}

// TailLogs dials GET /v1/streams/logs/tail with the token as the
// subprotocols "Bearer", "<token>". A refused handshake is an *Error; a
// refusal after the upgrade (as the real gateway sends them) comes as an
// error frame, which Next returns. The first dial is tried once (wrap it in
// Retrying to retry it); drops of the open stream are redialled by Next.
func (c *Client) TailLogs(ctx context.Context, p TailLogsParams, tokens TokenSource) (*LogStream, error) {
	s := &LogStream{c: c, params: p, tokens: tokens}
	if err := s.dial(ctx, ""); err != nil {
		return nil, err
	}
	return s, nil
}

const tailPath = "/v1/streams/logs/tail"

// dial opens a connection; rejected names a token the stream refused, to be
// replaced by a fresh one first. After the first line, every dial asks for
// what follows the last line returned.
func (s *LogStream) dial(ctx context.Context, rejected string) error {
	var tok string
	var err error
	if rejected != "" {
		tok, err = s.tokens.RefreshToken(ctx, rejected)
	} else {
		tok, err = s.tokens.Token(ctx)
	}
	if err != nil {
		return err
	}
	p := s.params
	resumed := !s.last.IsZero()
	if resumed {
		// Resume after the last line, as much of the gap as the API replays.
		p.Start, p.Limit = s.last.Add(time.Millisecond), MaxTailLimit
	}
	u := s.c.baseURL + tailPath
	if q := p.query(); len(q) > 0 {
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
	pingCtx, stop := context.WithCancel(context.WithoutCancel(ctx))
	s.mu.Lock()
	s.conn, s.stop = conn, stop
	s.token, s.lines, s.refreshed = tok, 0, rejected != ""
	s.resumedAt = time.Time{}
	if resumed {
		s.resumedAt = p.Start
	}
	s.mu.Unlock()
	go s.keepAlive(pingCtx, conn)
	return nil
}

// keepAlive pings every interval; a ping left unanswered for an interval
// drops the connection, so Next notices a dead stream and redials.
func (s *LogStream) keepAlive(ctx context.Context, conn *websocket.Conn) {
	every := s.c.ping
	if every <= 0 {
		every = DefaultPingInterval
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		pctx, cancel := context.WithTimeout(ctx, every)
		err := conn.Ping(pctx)
		cancel()
		if err != nil && ctx.Err() == nil {
			conn.CloseNow()
			return
		}
	}
}

// Next returns the next line. It reconnects (fresh token, backoff per the
// client's retry policy) when the connection drops, and once with a
// refreshed token when the stream says the token is not accepted. It
// returns io.EOF when the server ends the stream normally, an *Error for an
// error frame, and ctx's error when ctx ends. A line is never returned
// twice.
func (s *LogStream) Next(ctx context.Context) (LogEntry, error) {
	failures := 0
	for {
		s.mu.Lock()
		conn := s.conn
		s.mu.Unlock()
		if conn == nil {
			failures++
			if err := s.reconnect(ctx, failures, errors.New("not connected")); err != nil {
				return LogEntry{}, err
			}
			continue
		}
		_, data, err := conn.Read(ctx)
		if err != nil {
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
		failures = 0
		entry, ok, err := decodeFrame(data)
		switch {
		case err != nil && IsUnauthenticated(err) && s.mayRefresh():
			s.drop(conn)
			if err := s.dial(ctx, s.currentToken()); err != nil {
				return LogEntry{}, err
			}
		case err != nil:
			s.drop(conn)
			return LogEntry{}, err
		case ok && s.fresh(entry):
			return entry, nil
		}
	}
}

// mayRefresh reports whether an unauthenticated frame should refresh the
// token and redial: not when the token was just refreshed and nothing came
// through since (that would loop; B6 shows the error instead).
func (s *LogStream) mayRefresh() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.refreshed || s.lines > 0
}

func (s *LogStream) currentToken() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.token
}

// fresh records a line and reports whether it is new: on a resumed
// connection, a line from before the start it asked for was already returned
// (a server that ignored start would send it again).
func (s *LogStream) fresh(e LogEntry) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.resumedAt.IsZero() && e.CreatedAt.Before(s.resumedAt) {
		return false
	}
	s.lines++
	if e.CreatedAt.After(s.last) {
		s.last = e.CreatedAt.Time
	}
	return true
}

// reconnect waits and dials again; it gives up after the retry policy's attempts.
func (s *LogStream) reconnect(ctx context.Context, failures int, cause error) error {
	r := s.c.retry
	for ; failures <= r.Attempts; failures++ {
		if err := s.c.pause(ctx, Notice{Operation: "TailLogs", Attempt: failures, Wait: r.delay(failures - 1), Err: cause}); err != nil {
			return err
		}
		err := s.dial(ctx, "")
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

func (s *LogStream) drop(conn *websocket.Conn) {
	conn.CloseNow()
	s.mu.Lock()
	if s.conn == conn {
		s.conn = nil
		s.stop()
	}
	s.mu.Unlock()
}

// Close ends the stream.
func (s *LogStream) Close() error {
	s.mu.Lock()
	conn := s.conn
	s.conn = nil
	if s.stop != nil {
		s.stop()
	}
	s.mu.Unlock()
	if conn == nil {
		return nil
	}
	return conn.Close(websocket.StatusNormalClosure, "")
}
