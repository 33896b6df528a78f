package main

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/spectest"
)

// cliEnv runs panel commands in this process against an emulator, each run
// with a fresh Factory (as a new process would be), its API traffic validated
// against the spec. Sign-in goes through `panel login` and the test browser
// (BROWSER), as a user's would.
type cliEnv struct {
	*testEnv
	terminal bool // pretend stdin/stdout are a terminal (no colour; tables fitted to width when it is set)
	width    int
	color    bool // with terminal: colour allowed, stdout unguarded (fields must be sanitized where formatted)
}

func newCLIEnv(t *testing.T, o emulator.Options) *cliEnv {
	t.Helper()
	c := &cliEnv{testEnv: newTestEnv(t, o)}
	for _, kv := range c.environ() {
		k, v, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "PANEL_") || k == "BROWSER" {
			t.Setenv(k, v)
		}
	}
	for _, k := range []string{"PANEL_PROFILE", "PANEL_ORGANIZATION_ID", "PANEL_TOKEN", "NO_COLOR"} {
		if _, set := os.LookupEnv(k); set {
			t.Setenv(k, "")
			if err := os.Unsetenv(k); err != nil {
				t.Fatal(err)
			}
		}
	}
	return c
}

// signedIn returns an env with email signed in.
func signedIn(t *testing.T, o emulator.Options, email string) *cliEnv {
	t.Helper()
	c := newCLIEnv(t, o)
	if _, errOut, code := c.panel("", "login", "--email", email); code != 0 {
		t.Fatalf("login exited %d:\n%s", code, errOut)
	}
	return c
}

// panel runs one command line to its end: stdout, stderr, exit code.
func (c *cliEnv) panel(stdin string, args ...string) (string, string, int) {
	c.t.Helper()
	return c.panelCtx(testCtx(c.t), stdin, args...)
}

func (c *cliEnv) panelCtx(ctx context.Context, stdin string, args ...string) (string, string, int) {
	c.t.Helper()
	out, errOut := &syncBuffer{}, &syncBuffer{}
	f := newFactory(ctx)
	f.IO = &IOStreams{In: strings.NewReader(stdin), Out: out, ErrOut: errOut, Terminal: c.terminal, StdoutTTY: c.terminal}
	if c.terminal {
		f.IO.Width = c.width
		if c.color {
			f.IO.Color, f.IO.StyledOut = true, out
		}
	}
	f.HTTPTransport = spectest.Transport(c.t, nil)
	root := newRootCmd(f)
	root.SetArgs(args)
	root.SetOut(out)
	root.SetErr(errOut)
	err := root.ExecuteContext(ctx)
	code := reportError(f.IO, err)
	f.EndDebugLog(code, err)
	return out.String(), errOut.String(), code
}

// ok runs a command that must succeed and returns its stdout.
func (c *cliEnv) ok(args ...string) string {
	c.t.Helper()
	out, errOut, code := c.panel("", args...)
	if code != 0 {
		c.t.Fatalf("panel %s exited %d:\n%s%s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

// okJSON runs a command with --json and decodes its stdout into v.
func (c *cliEnv) okJSON(v any, args ...string) {
	c.t.Helper()
	out := c.ok(append(args, "--json")...)
	if err := json.Unmarshal([]byte(out), v); err != nil {
		c.t.Fatalf("panel %s --json: %v\n%s", strings.Join(args, " "), err, out)
	}
}

type logEntry struct {
	Method        string `json:"method"`
	Path          string `json:"path"`
	Query         string `json:"query"`
	Status        int    `json:"status"`
	ProjectHeader string `json:"project_header"`
}

func (c *cliEnv) requests() []logEntry {
	c.t.Helper()
	res, err := http.Get(c.srv.URL + "/_emulator/requests")
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	var list []logEntry
	if err := json.NewDecoder(res.Body).Decode(&list); err != nil {
		c.t.Fatal(err)
	}
	return list
}

func (c *cliEnv) clearRequests() {
	req, _ := http.NewRequest(http.MethodDelete, c.srv.URL+"/_emulator/requests", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	res.Body.Close()
}

func (c *cliEnv) fault(f map[string]any) { c.hook("faults", f) }

// tokensStored reports whether the profile still holds a session.
func (c *cliEnv) tokensStored() bool {
	_, err := os.Stat(c.dir + "/profiles/default/tokens.json")
	if err != nil {
		return false
	}
	data, _ := os.ReadFile(c.dir + "/profiles/default/tokens.json")
	return strings.Contains(string(data), "refresh_token")
}

func jsonFault(method, path string, status int, body string, count int) map[string]any {
	return map[string]any{"method": method, "path": path, "status": status, "body": body,
		"content_type": "application/json", "count": count}
}
