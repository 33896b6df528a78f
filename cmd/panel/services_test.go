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

func TestServicesListShowsTheCurrentProject(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "alice@example.com")
	c.terminal = true
	table := c.ok("services", "list")
	for _, want := range []string{"NAME", "APP", "storefront", "payments", "worker", "DEGRADED", "WORKER"} {
		if !strings.Contains(table, want) {
			t.Errorf("services list does not show %q:\n%s", want, table)
		}
	}
	if rows := strings.Split(strings.TrimSpace(table), "\n"); len(rows) != 4 || !strings.Contains(rows[3], "payments") {
		t.Fatalf("rows (header and 3 services, in the API's order):\n%s", table)
	}
	c.terminal = false
	var services []api.Service
	c.okJSON(&services, "services", "list")
	if len(services) != 3 || services[2].Name != "web" || services[2].Status != api.ServiceDegraded || services[2].AppID == "" {
		t.Fatalf("--json = %+v", services)
	}
	c.ok("projects", "use", "data")
	c.okJSON(&services, "services", "list")
	if len(services) != 4 || services[0].Name != "postgres" {
		t.Fatalf("after `projects use data`: %+v", services)
	}
}

// followTail runs `panel logs tail` until it printed n lines (or failed), then interrupts it.
func (c *cliEnv) followTail(t *testing.T, stdin string, n int, args ...string) (string, string, int) {
	t.Helper()
	ctx, cancel := context.WithCancel(testCtx(t))
	defer cancel()
	out, errOut := &syncBuffer{}, &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		f := newFactory(ctx)
		f.IO = &IOStreams{In: strings.NewReader(stdin), Out: out, ErrOut: errOut, Terminal: c.terminal}
		f.HTTPTransport = spectest.Transport(c.t, nil)
		root := newRootCmd(f)
		root.SetArgs(append([]string{"logs", "tail"}, args...))
		done <- reportError(f.IO, root.ExecuteContext(ctx))
	}()
	deadline := time.Now().Add(30 * time.Second)
	for strings.Count(out.String(), "\n") < n && time.Now().Before(deadline) {
		select {
		case code := <-done:
			return out.String(), errOut.String(), code
		case <-time.After(10 * time.Millisecond): // polling a condition with a deadline
		}
	}
	cancel()
	return out.String(), errOut.String(), <-done
}

func jsonLines(t *testing.T, out string) []api.LogEntry {
	t.Helper()
	var lines []api.LogEntry
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var e api.LogEntry
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		lines = append(lines, e)
	}
	return lines
}

func serviceOf(t *testing.T, e api.LogEntry) string {
	t.Helper()
	var labels struct {
		ServiceID string `json:"service_id"`
	}
	if err := json.Unmarshal(e.Labels, &labels); err != nil {
		t.Fatal(err)
	}
	return labels.ServiceID
}

func TestLogsTailByServiceName(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "alice@example.com")
	var services []api.Service
	c.okJSON(&services, "services", "list")
	byLabel := map[string]string{"storefront/web": services[0].ID, "storefront/worker": services[1].ID, "payments/web": services[2].ID}

	for name, want := range map[string]string{"worker": byLabel["storefront/worker"], "PAYMENTS/web": byLabel["payments/web"],
		byLabel["storefront/web"]: byLabel["storefront/web"]} {
		out, errOut, code := c.followTail(t, "", 3, name, "--lines", "2", "--json")
		if code != 0 {
			t.Fatalf("logs tail %s exited %d: %s", name, code, errOut)
		}
		for _, l := range jsonLines(t, out) {
			if serviceOf(t, l) != want {
				t.Fatalf("logs tail %s followed %s, want %s", name, serviceOf(t, l), want)
			}
		}
	}

	// Two apps have a service named web: piped, the candidates are listed and it fails.
	_, errOut, code := c.followTail(t, "", 1, "web")
	if code != 1 || !strings.Contains(errOut, "storefront/web ("+byLabel["storefront/web"]+")") ||
		!strings.Contains(errOut, "payments/web ("+byLabel["payments/web"]+")") || !strings.Contains(errOut, "app/service") {
		t.Fatalf("ambiguous name: exit %d\n%s", code, errOut)
	}
	// On a terminal, the user picks one.
	c.terminal = true
	out, errOut, code := c.followTail(t, "2\n", 2, "web", "--json")
	if code != 0 || serviceOf(t, jsonLines(t, out)[0]) != byLabel["payments/web"] {
		t.Fatalf("picked the second: exit %d, %s\n%s", code, out, errOut)
	}
	c.terminal = false

	_, errOut, code = c.followTail(t, "", 1, "nosuch")
	if code != 1 || !strings.Contains(errOut, `no service of project default is named "nosuch"`) ||
		!strings.Contains(errOut, "panel services list") {
		t.Fatalf("unknown name: exit %d\n%s", code, errOut)
	}

	// An id of another project of the organization is followed too.
	c.ok("projects", "use", "data")
	var data []api.Service
	c.okJSON(&data, "services", "list")
	c.ok("projects", "use", "default")
	out, errOut, code = c.followTail(t, "", 1, data[0].ID, "--json")
	if code != 0 || serviceOf(t, jsonLines(t, out)[0]) != data[0].ID {
		t.Fatalf("another project's service by id: exit %d\n%s", code, errOut)
	}
}

func TestLogsTailSinceAndLines(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "alice@example.com")
	began := time.Now()
	out, errOut, code := c.followTail(t, "", 6, "worker", "--since", "2s", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := jsonLines(t, out)
	if first := lines[0].CreatedAt; first.Before(began.Add(-2*time.Second - time.Millisecond)) {
		t.Fatalf("--since 2s replayed a line of %v (began %v)", first, began)
	}
	for i := 1; i < len(lines); i++ {
		if d := lines[i].CreatedAt.Sub(lines[i-1].CreatedAt.Time); d != 500*time.Millisecond {
			t.Fatalf("line %d is %v after the one before (a line twice, or one missing)", i, d)
		}
	}

	c.clearRequests()
	began = time.Now()
	out, errOut, code = c.followTail(t, "", 1, "worker", "--lines", "0", "--json")
	if code != 0 || jsonLines(t, out)[0].CreatedAt.Before(began) {
		t.Fatalf("--lines 0 replayed an old line: exit %d %s\n%s", code, out, errOut)
	}
}

// Behind the real gateway every refusal arrives as a frame: an unauthenticated one refreshes the session
// and the tail goes on where it was; any other is shown as an error (exit 1).
func TestLogsTailErrorFrames(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "alice@example.com")
	c.fault(map[string]any{"method": "GET", "path": "/v1/streams/logs/tail", "count": 1, "after_lines": 2,
		"frame": `{"error":{"code":16,"message":"Request unauthenticated with bearer"}}`})
	c.clearRequests()
	out, errOut, code := c.followTail(t, "", 5, "worker", "--lines", "2", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := jsonLines(t, out)
	for i := 1; i < len(lines); i++ {
		if d := lines[i].CreatedAt.Sub(lines[i-1].CreatedAt.Time); d != 500*time.Millisecond {
			t.Fatalf("line %d is %v after the one before (a line twice, or one missing)", i, d)
		}
	}
	refreshes := 0
	for _, r := range c.requests() {
		if r.Path == "/user_management/authenticate" {
			refreshes++
		}
	}
	if refreshes != 1 {
		t.Fatalf("%d refreshes, want 1 after the unauthenticated frame", refreshes)
	}

	c.fault(map[string]any{"method": "GET", "path": "/v1/streams/logs/tail", "count": 1, "after_lines": 1,
		"frame": `{"code":5,"message":"Service was deleted"}`})
	_, errOut, code = c.followTail(t, "", 10, "worker", "--lines", "2")
	if code != 1 || !strings.Contains(errOut, "the log stream stopped: Service was deleted") {
		t.Fatalf("an error frame: exit %d\n%s", code, errOut)
	}
}
