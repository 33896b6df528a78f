package api_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"

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

// streamTokens is the stream's token source over the test's session: a
// refresh really rotates the session through the emulator's WorkOS half.
type streamTokens struct {
	e         *env
	asked     atomic.Int32
	mu        sync.Mutex
	refreshed []string // the tokens RefreshToken was told were refused
}

func (e *env) streamTokens() *streamTokens { return &streamTokens{e: e} }

func (s *streamTokens) Token(context.Context) (string, error) {
	s.asked.Add(1)
	return s.e.tokens.get(), nil
}

func (s *streamTokens) RefreshToken(_ context.Context, rejected string) (string, error) {
	s.mu.Lock()
	s.refreshed = append(s.refreshed, rejected)
	s.mu.Unlock()
	s.e.switchTo(s.e.tokens.org) // a refresh into the same organization
	return s.e.tokens.get(), nil
}

func (s *streamTokens) refusals() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.refreshed...)
}

// tailDials returns the query of every log tail dial the emulator saw.
func (e *env) tailDials() []url.Values {
	var out []url.Values
	for _, r := range e.requests() {
		if r.Path == "/v1/streams/logs/tail" {
			q, _ := url.ParseQuery(r.Query)
			out = append(out, q)
		}
	}
	return out
}

// frameFault arms a frame sent on the log stream after n lines.
func (e *env) frameFault(frame string, afterLines, count int) {
	e.hook(http.MethodPost, "faults", map[string]any{"method": "GET", "path": "/v1/streams/logs/tail",
		"frame": frame, "after_lines": afterLines, "count": count})
}

// lineStep is the emulator's spacing of log lines (its default LogInterval).
const lineStep = 500 * time.Millisecond

// requireContiguous fails unless each line follows the previous one by
// exactly one step: none twice, none missing.
func requireContiguous(t *testing.T, lines []api.LogEntry) {
	t.Helper()
	for i := 1; i < len(lines); i++ {
		if d := lines[i].CreatedAt.Sub(lines[i-1].CreatedAt.Time); d != lineStep {
			t.Fatalf("line %d comes %v after line %d (want %v: none repeated, none missing)", i, d, i-1, lineStep)
		}
	}
}

func readLines(t *testing.T, s *api.LogStream, n int) []api.LogEntry {
	t.Helper()
	var out []api.LogEntry
	for range n {
		out = append(out, must(s.Next(ctx(t))))
	}
	return out
}

func TestLogTailSendsStartAndLimitAndResumesAfterTheLastLine(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	cut := &cutter{base: bearer{tk: e.tokens, base: coverage.Transport(t, nil)}}
	c := api.New(e.srv.APIURL, &http.Client{Transport: cut}, api.WithRetry(api.Retry{Attempts: 3, Base: 1, Max: 1}))
	tokens := e.streamTokens()
	e.clearRequests()
	start := time.Now().Add(-10 * time.Second).UTC()
	s := must(c.TailLogs(ctx(t), api.TailLogsParams{LogsFilter: api.LogsFilter{ServiceID: "svc-1"},
		Start: start, Limit: 5}, tokens))
	defer s.Close()
	before := readLines(t, s, 6) // the 5 replayed, one live
	cut.cut()
	after := readLines(t, s, 4)
	requireContiguous(t, append(before, after...))
	if !before[0].CreatedAt.After(start) {
		t.Errorf("first replayed line at %v, before start %v", before[0].CreatedAt, start)
	}

	s.Close() // a stream is logged once it ends
	dials := e.tailDials()
	for deadline := time.Now().Add(10 * time.Second); len(dials) < 2 && time.Now().Before(deadline); dials = e.tailDials() {
		time.Sleep(10 * time.Millisecond) // polling a condition with a deadline
	}
	if len(dials) != 2 || tokens.asked.Load() != 2 {
		t.Fatalf("%d dials, %d tokens asked, want 2 each (one reconnect, a token per dial)", len(dials), tokens.asked.Load())
	}
	if got := dials[0].Get("start"); got != start.Format(time.RFC3339Nano) || dials[0].Get("limit") != "5" {
		t.Errorf("first dial start=%s limit=%s, want %s and 5", got, dials[0].Get("limit"), start.Format(time.RFC3339Nano))
	}
	resume := before[len(before)-1].CreatedAt.Add(time.Millisecond).UTC().Format(time.RFC3339Nano)
	if dials[1].Get("start") != resume || dials[1].Get("limit") != "1000" {
		t.Errorf("reconnect start=%s limit=%s, want %s (last line + 1 ms) and 1000", dials[1].Get("start"),
			dials[1].Get("limit"), resume)
	}
}

func TestLogTailDropsLinesAServerSendsAgain(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	cut := &cutter{base: bearer{tk: e.tokens, base: coverage.Transport(t, nil)}}
	c := api.New(e.srv.APIURL, &http.Client{Transport: cut}, api.WithRetry(api.Retry{Attempts: 3, Base: 1, Max: 1}))
	s := must(c.TailLogs(ctx(t), api.TailLogsParams{LogsFilter: api.LogsFilter{ServiceID: "svc-1"},
		Start: time.Now().Add(-5 * time.Second), Limit: 3}, e.streamTokens()))
	defer s.Close()
	before := readLines(t, s, 3)
	// A server that ignores start replays lines from before the resume point: the stream drops them.
	e.hook(http.MethodPost, "faults", map[string]any{"method": "GET", "path": "/v1/streams/logs/tail",
		"frame":       `{"result":{"msg":"again","created_at":"` + before[1].CreatedAt.UTC().Format(time.RFC3339Nano) + `"}}`,
		"after_lines": 0, "count": 1})
	cut.cut()
	// The fault's frame ends that connection; the next one resumes for real.
	after := readLines(t, s, 3)
	requireContiguous(t, append(before, after...))
}

func TestLogTailPingsTheOpenStream(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	c := e.newClient(api.WithPingInterval(20 * time.Millisecond))
	s := must(c.TailLogs(ctx(t), api.TailLogsParams{LogsFilter: api.LogsFilter{ServiceID: "svc-1"}}, e.streamTokens()))
	defer s.Close()
	go func() { // the pongs come back through the reader
		for {
			if _, err := s.Next(context.Background()); err != nil {
				return
			}
		}
	}()
	deadline := time.Now().Add(20 * time.Second)
	for pings := e.pings(); pings < 3; pings = e.pings() {
		if time.Now().After(deadline) {
			t.Fatalf("%d pings reached the emulator, want 3", pings)
		}
		time.Sleep(10 * time.Millisecond) // polling a condition with a deadline
	}
}

func (e *env) pings() int64 {
	var info struct{ Pings int64 }
	if err := json.Unmarshal(e.hook(http.MethodGet, "streams", nil), &info); err != nil {
		e.t.Fatal(err)
	}
	return info.Pings
}

func TestLogTailErrorFramesAreErrors(t *testing.T) {
	cases := []struct {
		name, frame string
		is          func(error) bool
		message     string
	}{
		{"error member", `{"error":{"code":5,"message":"Service not found","details":[]}}`, api.IsNotFound, "Service not found"},
		{"status at the top level", `{"code":7,"message":"Token rejected"}`, api.IsOrgDeactivated, "Token rejected"},
		{"message alone", `{"message":"stream quota exceeded"}`, api.IsServerError, "stream quota exceeded"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, emulator.Options{}, "alice@example.com")
			e.frameFault(tc.frame, 2, 1)
			s := must(e.client.TailLogs(ctx(t), api.TailLogsParams{LogsFilter: api.LogsFilter{ServiceID: "svc-1"}, Limit: 5},
				e.streamTokens()))
			defer s.Close()
			readLines(t, s, 2)
			_, err := s.Next(ctx(t))
			var ae *api.Error
			if !tc.is(err) || !asAPIError(err, &ae) || ae.Message != tc.message {
				t.Fatalf("err = %v, want the frame's error %q", err, tc.message)
			}
		})
	}
}

func asAPIError(err error, out **api.Error) bool {
	e, ok := err.(*api.Error) //nolint:errorlint // Next returns it as is
	*out = e
	return ok
}

func TestLogTailSkipsKeepAliveFrames(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	e.frameFault(`{}`, 1, 1)
	s := must(e.client.TailLogs(ctx(t), api.TailLogsParams{LogsFilter: api.LogsFilter{ServiceID: "svc-1"}, Limit: 3},
		e.streamTokens()))
	defer s.Close()
	// The empty frame ends the faulted connection; the stream redials and goes on.
	lines := readLines(t, s, 4)
	requireContiguous(t, lines)
}

func TestLogTailUnauthenticatedFrameRefreshesAndRedials(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	first := e.tokens.get()
	e.frameFault(`{"error":{"code":16,"message":"Request unauthenticated with bearer"}}`, 2, 1)
	tokens := e.streamTokens()
	s := must(e.client.TailLogs(ctx(t), api.TailLogsParams{LogsFilter: api.LogsFilter{ServiceID: "svc-1"}, Limit: 4},
		tokens))
	defer s.Close()
	lines := readLines(t, s, 5)
	requireContiguous(t, lines)
	if got := tokens.refusals(); len(got) != 1 || got[0] != first {
		t.Fatalf("RefreshToken told %d refusals (the refused token first: %v), want the first token once",
			len(got), len(got) > 0 && got[0] == first)
	}
	if e.tokens.get() == first {
		t.Fatal("the stream went on with the refused token")
	}
}

func TestLogTailUnauthenticatedAfterARefreshIsAnError(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	e.frameFault(`{"error":{"code":16,"message":"Request unauthenticated with bearer"}}`, 0, 2)
	tokens := e.streamTokens()
	s := must(e.client.TailLogs(ctx(t), api.TailLogsParams{LogsFilter: api.LogsFilter{ServiceID: "svc-1"}}, tokens))
	defer s.Close()
	if _, err := s.Next(ctx(t)); !api.IsUnauthenticated(err) {
		t.Fatalf("err = %v, want the refusal shown (no sign-in loop)", err)
	}
	if n := len(tokens.refusals()); n != 1 {
		t.Fatalf("%d refreshes, want 1", n)
	}
}

func TestLogTailErrorFrameOfADeactivatedOrganization(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	e.switchTo("org_initech") // deactivated: the stream answers with an error frame
	s, err := e.client.TailLogs(ctx(t), api.TailLogsParams{LogsFilter: api.LogsFilter{ServiceID: "svc-1"}}, e.streamTokens())
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
	s, err := e.client.TailLogs(ctx(t), api.TailLogsParams{}, e.streamTokens())
	if err == nil {
		defer s.Close()
		_, err = s.Next(ctx(t))
	}
	if !api.IsValidation(err) {
		t.Fatalf("err = %v, want a 400", err)
	}
}
