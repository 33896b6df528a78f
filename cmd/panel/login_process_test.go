package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/panel-dev/panel/emulator"
)

// TestPanelProcess turns this test binary into another program for the process tests:
// PANEL_TEST_PROCESS=panel runs `panel` with the JSON arguments in PANEL_TEST_ARGS; =browser plays a
// browser on this machine: it GETs its one argument, follows the redirects (to the loopback callback
// too) and appends what it saw to PANEL_TEST_BROWSER_LOG.
func TestPanelProcess(t *testing.T) {
	switch os.Getenv("PANEL_TEST_PROCESS") {
	case "panel":
		var args []string
		if err := json.Unmarshal([]byte(os.Getenv("PANEL_TEST_ARGS")), &args); err != nil {
			os.Exit(99)
		}
		os.Exit(run(args))
	case "browser":
		u := os.Args[len(os.Args)-1]
		line := map[string]any{"argv": os.Args}
		if res, err := http.Get(u); err != nil {
			line["error"] = err.Error()
		} else {
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			line["status"], line["page"] = res.StatusCode, string(b)
		}
		f, err := os.OpenFile(os.Getenv("PANEL_TEST_BROWSER_LOG"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
		if err == nil {
			b, _ := json.Marshal(line)
			_, werr := f.Write(append(b, '\n'))
			if cerr := f.Close(); werr != nil || cerr != nil {
				os.Exit(1) // the test reading the log sees a browser that failed
			}
		}
		os.Exit(0)
	}
}

// testEnv is one isolated profile (PANEL_CONFIG_DIR) against one emulator.
type testEnv struct {
	t          *testing.T
	srv        *emulator.Server
	dir        string
	browserLog string
	emuLog     *syncBuffer
}

func newTestEnv(t *testing.T, o emulator.Options) *testEnv {
	t.Helper()
	e := &testEnv{t: t, dir: profileDir(t), emuLog: &syncBuffer{}}
	e.browserLog = e.dir + "/browser.log"
	o.Log = e.emuLog
	srv, err := emulator.Start("127.0.0.1:0", o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	e.srv = srv
	return e
}

// profileDir is the directory of a test's profile. Not t.TempDir, whose removal fails when a file
// appears during it: the test browser is started by panel and not waited for (as a real one), so it
// may write its log after panel has exited, even while the test ends. Each removal that fails saw a
// late write; the next one takes it, or finds the directory gone and nothing left to write into.
func profileDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "panel-cli-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		err := os.RemoveAll(dir)
		for try := 0; err != nil && try < 10; try++ {
			err = os.RemoveAll(dir)
		}
		if err != nil {
			t.Errorf("removing the profile directory: %v", err)
		}
	})
	return dir
}

// browsed waits until the test browser has logged n visits and returns its log. Panel does not
// wait for its browser, so the browser may still be writing after panel has exited.
func (e *testEnv) browsed(n int) string {
	e.t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		b, _ := os.ReadFile(e.browserLog)
		if bytes.Count(b, []byte("\n")) >= n {
			return string(b)
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("the test browser logged %d visits, want %d:\n%s", bytes.Count(b, []byte("\n")), n, b)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// environ is a clean environment for panel: nothing of the developer's own configuration, the test
// browser as BROWSER, the insecure file storage (the keychain has its own tests), plus extra.
func (e *testEnv) environ(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "PANEL_") || k == "BROWSER" || k == "DISPLAY" || k == "WAYLAND_DISPLAY" {
			continue
		}
		env = append(env, kv)
	}
	env = append(env, "PANEL_TEST_PROCESS=panel", "PANEL_CONFIG_DIR="+e.dir, "PANEL_CLIENT_ID="+e.srv.ClientID,
		"PANEL_AUTH_URL="+e.srv.AuthURL, "PANEL_API_URL="+e.srv.APIURL, "PANEL_INSECURE_STORAGE=1",
		"BROWSER=env PANEL_TEST_PROCESS=browser "+os.Args[0]+" -test.run=^TestPanelProcess$",
		"PANEL_TEST_BROWSER_LOG="+e.browserLog)
	return append(env, extra...)
}

// panelProc is a running `panel`.
type panelProc struct {
	cmd            *exec.Cmd
	stdin          io.WriteCloser
	stdout, stderr *syncBuffer
	done           chan struct{}
	code           int
}

// start runs `panel args...` as its own process.
func (e *testEnv) start(env []string, args ...string) *panelProc {
	e.t.Helper()
	a, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^TestPanelProcess$")
	cmd.Env = append(env, "PANEL_TEST_ARGS="+string(a))
	p := &panelProc{cmd: cmd, stdout: &syncBuffer{}, stderr: &syncBuffer{}, done: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = p.stdout, p.stderr
	var err error
	if p.stdin, err = cmd.StdinPipe(); err != nil {
		e.t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		e.t.Fatal(err)
	}
	go func() {
		err := cmd.Wait()
		p.code = cmd.ProcessState.ExitCode()
		if err != nil && p.code < 0 {
			p.code = -1
		}
		close(p.done)
	}()
	e.t.Cleanup(func() { _ = cmd.Process.Kill(); <-p.done })
	return p
}

// wait returns the exit code (the test fails after a minute).
func (p *panelProc) wait(t *testing.T) int {
	t.Helper()
	p.stdin.Close()
	select {
	case <-p.done:
		return p.code
	case <-time.After(2 * time.Minute):
		t.Fatalf("panel did not exit; stderr:\n%s", p.stderr.String())
		return -1
	}
}

// waitFor waits until stderr matches re and returns the first submatch (or the match).
func (p *panelProc) waitFor(t *testing.T, re string) string {
	t.Helper()
	rx := regexp.MustCompile(re)
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		if m := rx.FindStringSubmatch(p.stderr.String()); m != nil {
			return m[len(m)-1]
		}
		select {
		case <-p.done:
			if m := rx.FindStringSubmatch(p.stderr.String()); m != nil {
				return m[len(m)-1]
			}
			t.Fatalf("panel exited %d before printing %q; stderr:\n%s", p.code, re, p.stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("panel never printed %q; stderr:\n%s", re, p.stderr.String())
	return ""
}

// run runs `panel args...` to the end with stdin and returns stdout, stderr and the exit code.
func (e *testEnv) run(env []string, stdin string, args ...string) (string, string, int) {
	e.t.Helper()
	p := e.start(env, args...)
	io.WriteString(p.stdin, stdin)
	code := p.wait(e.t)
	return p.stdout.String(), p.stderr.String(), code
}

// syncBuffer is a bytes.Buffer safe for a writer goroutine and a reading test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// requestCount counts the emulator's logged requests with that method and path.
func (e *testEnv) requestCount(method, path string) int {
	e.t.Helper()
	res, err := http.Get(e.srv.URL + "/_emulator/requests")
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	var list []struct{ Method, Path string }
	if err := json.NewDecoder(res.Body).Decode(&list); err != nil {
		e.t.Fatal(err)
	}
	n := 0
	for _, r := range list {
		if r.Method == method && r.Path == path {
			n++
		}
	}
	return n
}

// hook POSTs a JSON body to an /_emulator/ endpoint.
func (e *testEnv) hook(path string, body any) {
	e.t.Helper()
	b, _ := json.Marshal(body)
	res, err := http.Post(e.srv.URL+"/_emulator/"+path, "application/json", bytes.NewReader(b))
	if err != nil {
		e.t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode >= 300 {
		e.t.Fatalf("hook %s: %d", path, res.StatusCode)
	}
}

func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}
