package main

import (
	"encoding/json"
	"net/http"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/emulator"
)

// A signal while a token exchange is in flight never loses the session: the built binary, against an
// emulator that has already spent the credential and holds the answer, gets SIGINT, SIGTERM or SIGHUP
// during `panel token`'s refresh, `panel orgs switch`'s refresh or `panel login`'s code exchange; it says
// it is finishing, exits once the answer is stored, and the next command refreshes with what it stored.
// Deterministic: the signal is sent while the answer is held, and the answer released once panel says
// it waits for it.
func TestSignalDuringAnExchangeKeepsTheSession(t *testing.T) {
	bin := buildPanel(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		for _, path := range exchangePaths {
			t.Run(sig.String()+"/"+path.name, func(t *testing.T) {
				// Access tokens of 5 s are always within the 10 s margin: every `panel token` refreshes.
				e := newTestEnv(t, emulator.Options{AccessTokenTTL: 5 * time.Second})
				env := e.environ()
				if path.signedIn {
					e.mustRunBinary(bin, env, "login", "--email", "alice@example.com")
				}
				e.holdNextExchange()
				p := e.startBinary(bin, env, path.args...)
				e.waitHeld(p)
				if err := p.cmd.Process.Signal(sig); err != nil {
					t.Fatal(err)
				}
				p.waitFor(t, app.FinishingNotice)
				e.releaseHeld()
				p.wait(t)
				e.assertSessionWorks(bin, env)
			})
		}
	}
}

// exchangePaths are the commands whose exchange a signal lands in.
var exchangePaths = []struct {
	name     string
	signedIn bool
	args     []string
}{
	{"refresh", true, []string{"token"}},
	{"switch", true, []string{"orgs", "switch", "org_globex"}},
	{"login", false, []string{"login", "--email", "alice@example.com"}},
}

// startBinary runs the built panel binary as its own process.
func (e *testEnv) startBinary(bin string, env []string, args ...string) *panelProc {
	e.t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = env
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
		_ = cmd.Wait()
		p.code = cmd.ProcessState.ExitCode()
		close(p.done)
	}()
	e.t.Cleanup(func() { _ = cmd.Process.Kill(); <-p.done })
	return p
}

func (e *testEnv) mustRunBinary(bin string, env []string, args ...string) string {
	e.t.Helper()
	p := e.startBinary(bin, env, args...)
	if code := p.wait(e.t); code != 0 {
		e.t.Fatalf("panel %s: exit %d\n%s", strings.Join(args, " "), code, p.stderr.String())
	}
	return p.stdout.String()
}

// assertSessionWorks: the next `panel token` refreshes with the stored refresh token (no "already
// exchanged") and `panel status` still knows the user.
func (e *testEnv) assertSessionWorks(bin string, env []string) {
	e.t.Helper()
	before := e.requestCount(http.MethodPost, "/user_management/authenticate")
	p := e.startBinary(bin, env, "token")
	if code := p.wait(e.t); code != 0 || strings.Contains(p.stderr.String(), "already exchanged") {
		e.t.Fatalf("the session was lost: panel token exits %d\n%s", code, p.stderr.String())
	}
	if e.requestCount(http.MethodPost, "/user_management/authenticate") == before {
		e.t.Fatal("panel token did not refresh: the stored refresh token was not tried")
	}
}

// holdNextExchange makes the emulator take the next authenticate request (the credential is spent) and
// hold its answer until releaseHeld.
func (e *testEnv) holdNextExchange() {
	e.t.Helper()
	e.hook("faults", map[string]any{"method": "POST", "path": "/user_management/authenticate",
		"count": 1, "hold": true})
}

func (e *testEnv) releaseHeld() { e.t.Helper(); e.hook("holds/release", map[string]any{}) }

// waitHeld waits until the emulator holds an answer for p.
func (e *testEnv) waitHeld(p *panelProc) {
	e.t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if len(e.held()) > 0 {
			return
		}
		select {
		case <-p.done:
			e.t.Fatalf("panel exited %d before its exchange was held\n%s", p.code, p.stderr.String())
		default:
		}
	}
	e.t.Fatal("the emulator never held an answer")
}

func (e *testEnv) held() []map[string]any {
	e.t.Helper()
	res, err := http.Get(e.srv.URL + "/_emulator/holds")
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	var held []map[string]any
	if err := json.NewDecoder(res.Body).Decode(&held); err != nil {
		e.t.Fatal(err)
	}
	return held
}
