package api_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/emulator"
)

// Faults the spec-validating transport would flag (a broken body, no answer at all) go through a client
// whose transport only adds the bearer.
func (e *env) plainClient(opts ...api.Option) *api.Client {
	hc := &http.Client{Transport: bearer{tk: e.tokens, base: http.DefaultTransport}}
	base := []api.Option{api.WithRetry(api.Retry{Attempts: 3, Base: time.Millisecond, Max: 5 * time.Millisecond}),
		api.WithNotice(e.notes.add)}
	return api.New(e.srv.APIURL, hc, append(base, opts...)...)
}

func TestMalformedAnswerNamesTheOperationAndIsNotCached(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	c := e.plainClient()
	e.hook(http.MethodPost, "faults", map[string]any{"method": "GET", "path": "/v1/account/profile", "status": 200,
		"body": `{"user": {"email": `, "content_type": "application/json", "count": 1})
	_, err := c.GetCurrentUser(ctx(t))
	if err == nil || !strings.Contains(err.Error(), "GET /v1/account/profile is not valid JSON") {
		t.Fatalf("err = %v, want a decode error naming the operation", err)
	}
	if _, err := c.GetCurrentUser(api.CacheOnly(ctx(t))); !errors.Is(err, api.ErrNotCached) {
		t.Fatalf("the broken answer was cached: %v", err)
	}
	if me, err := c.GetCurrentUser(ctx(t)); err != nil || me.Email != "alice@example.com" {
		t.Fatalf("next answer: %v %+v", err, me)
	}
}

// A hung API fails each attempt after the client's timeout even when the caller's deadline is far away
// (commands run under a 2-minute one), and the error says it timed out; so does a body that never ends.
func TestEveryRequestIsBoundedWhateverTheCallersDeadline(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	c := e.plainClient(api.WithRequestTimeout(200 * time.Millisecond))
	long, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for _, f := range []map[string]any{
		{"delay": "1h"},
		{"status": 200, "body": `{"user": {}}`, "content_type": "application/json", "body_delay": "1h"},
	} {
		e.clearRequests()
		f["method"], f["path"], f["count"] = "GET", "/v1/account/profile", 0
		e.hook(http.MethodPost, "faults", f)
		_, err := c.GetCurrentUser(api.Revalidate(long))
		var ne *api.NetworkError
		if !errors.As(err, &ne) || !ne.TimedOut || !strings.Contains(err.Error(), "timed out") || long.Err() != nil {
			t.Fatalf("%v: err = %v, want a timeout of the request", f, err)
		}
		if !api.IsNetworkError(err) {
			t.Errorf("a timeout is not a network error: %v", err)
		}
		e.hook(http.MethodDelete, "faults", nil)
	}
}

func TestResetSaysTheConnectionWasResetOrClosed(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	c := e.plainClient(api.WithRetry(api.Retry{}))
	e.fault(fault{Method: "GET", Path: "/v1/account/profile", Reset: true, Count: 0})
	_, err := c.GetCurrentUser(ctx(t))
	var ne *api.NetworkError
	if !errors.As(err, &ne) || !(strings.Contains(err.Error(), "reset") || strings.Contains(err.Error(), "closed the connection")) {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(err.Error(), "http://") {
		t.Errorf("the message repeats the URL: %v", err)
	}
}

func TestLogStreamHandshakeIsBoundedAndRetriedOnRequest(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	c := e.plainClient(api.WithRequestTimeout(200 * time.Millisecond))
	token := e.streamTokens()
	p := api.TailLogsParams{LogsFilter: api.LogsFilter{ServiceID: "svc-web"}}
	e.hook(http.MethodPost, "faults", map[string]any{"method": "GET", "path": "/v1/streams/logs/tail", "delay": "1h", "count": 0})
	if _, err := c.TailLogs(ctx(t), p, token); err == nil || !strings.Contains(err.Error(), "timed out") {
		t.Fatalf("hung handshake: %v", err)
	}
	e.hook(http.MethodDelete, "faults", nil)
	e.hook(http.MethodPost, "faults", map[string]any{"method": "GET", "path": "/v1/streams/logs/tail", "status": 200,
		"body": "{}", "count": 0})
	if _, err := c.TailLogs(ctx(t), p, token); err == nil || !strings.Contains(err.Error(), "HTTP 200 instead of opening it") {
		t.Fatalf("200 instead of an upgrade: %v", err)
	}
	e.hook(http.MethodDelete, "faults", nil)
	e.fault(fault{Method: "GET", Path: "/v1/streams/logs/tail", Status: 503, Count: 1})
	var s *api.LogStream
	err := c.Retrying(ctx(t), "TailLogs", func(ctx context.Context) (err error) {
		s, err = c.TailLogs(ctx, p, token)
		return err
	})
	if err != nil {
		t.Fatalf("a 503 then the stream: %v", err)
	}
	defer s.Close()
	if line, err := s.Next(ctx(t)); err != nil || line.Msg == "" {
		t.Fatalf("first line: %+v %v", line, err)
	}
}
