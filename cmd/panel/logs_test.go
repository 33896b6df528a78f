package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/spectest"
)

func TestLogsTailFollowsUntilInterrupted(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "alice@example.com")
	ctx, cancel := context.WithCancel(testCtx(t))
	out, errOut := &syncBuffer{}, &syncBuffer{}
	done := make(chan int)
	go func() {
		f := newFactory(ctx)
		f.IO = &IOStreams{In: strings.NewReader(""), Out: out, ErrOut: errOut}
		f.HTTPTransport = spectest.Transport(c.t, nil)
		root := newRootCmd(f)
		root.SetArgs([]string{"logs", "tail", "--service-id", "svc-web", "--lines", "2", "--json"})
		done <- reportError(f.IO, root.ExecuteContext(ctx))
	}()
	deadline := time.Now().Add(30 * time.Second)
	for strings.Count(out.String(), "\n") < 3 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond) // polling a condition with a deadline, not waiting for time
	}
	cancel() // Ctrl-C
	if code := <-done; code != 0 {
		t.Fatalf("logs tail exited %d: %s", code, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) < 3 {
		t.Fatalf("got %d lines:\n%s%s", len(lines), out.String(), errOut.String())
	}
	for _, l := range lines {
		var e api.LogEntry
		if err := json.Unmarshal([]byte(l), &e); err != nil || e.Msg == "" {
			t.Errorf("line %q: %v", l, err)
		}
	}
}
