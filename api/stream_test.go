package api_test

import (
	"context"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/emulator"
)

// cutter lets a test cut the live WebSocket connections (as a network drop would).
type cutter struct {
	base  http.RoundTripper
	mu    sync.Mutex
	conns []io.Closer
	dials int
}

func (c *cutter) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := c.base.RoundTrip(r)
	if err == nil && resp.StatusCode == http.StatusSwitchingProtocols {
		if rwc, ok := resp.Body.(io.Closer); ok {
			c.mu.Lock()
			c.conns = append(c.conns, rwc)
			c.dials++
			c.mu.Unlock()
		}
	}
	return resp, err
}

func (c *cutter) cut() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, conn := range c.conns {
		conn.Close()
	}
	c.conns = nil
}

func TestLogTailReconnectsWithAFreshToken(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	cut := &cutter{base: bearer{tk: e.tokens, base: coverage.Transport(t, nil)}}
	c := api.New(e.srv.APIURL, &http.Client{Transport: cut},
		api.WithRetry(api.Retry{Attempts: 3, Base: 1, Max: 1}))
	var asked atomic.Int32
	token := func(context.Context) (string, error) {
		asked.Add(1)
		return e.tokens.get(), nil
	}
	cx := ctx(t)
	s := must(c.TailLogs(cx, api.TailLogsParams{LogsFilter: api.LogsFilter{ServiceID: "svc-1"}, Limit: 1}, token))
	defer s.Close()
	must(s.Next(cx))
	cut.cut()
	line := must(s.Next(cx))
	if line.Msg == "" {
		t.Errorf("line after reconnect = %+v", line)
	}
	if n := asked.Load(); n != 2 {
		t.Errorf("token asked %d times, want 2 (once per dial)", n)
	}
	cut.mu.Lock()
	defer cut.mu.Unlock()
	if cut.dials != 2 {
		t.Errorf("%d dials, want 2 (one reconnect)", cut.dials)
	}
}

func TestLogTailErrorFrameIsAnError(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	e.switchTo("org_initech") // deactivated: the stream answers with an error frame
	s, err := e.client.TailLogs(ctx(t), api.TailLogsParams{LogsFilter: api.LogsFilter{ServiceID: "svc-1"}},
		func(context.Context) (string, error) { return e.tokens.get(), nil })
	if err == nil {
		defer s.Close()
		_, err = s.Next(ctx(t))
	}
	if !api.IsOrgDeactivated(err) {
		t.Fatalf("err = %v, want Token rejected", err)
	}
}

func TestLogTailWithoutAFilterIsRefused(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	s, err := e.client.TailLogs(ctx(t), api.TailLogsParams{},
		func(context.Context) (string, error) { return e.tokens.get(), nil })
	if err == nil {
		defer s.Close()
		_, err = s.Next(ctx(t))
	}
	if !api.IsValidation(err) {
		t.Fatalf("err = %v, want a 400", err)
	}
}
