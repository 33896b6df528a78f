package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The TUI driven through a real terminal: the built binary in tmux against
// `panel emulator` in another process, keys by send-keys, the screen read
// with capture-pane. It also measures the first frame and a switch.

const tmuxDeadline = 30 * time.Second

type tmuxSession struct {
	t      *testing.T
	socket string
}

func requireTmux(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("tmux")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("tmux is missing under CI=true (scripts/test.sh installs it)")
		}
		t.Skip("tmux is not installed")
	}
	return path
}

// buildPanel compiles this command into a temporary directory.
func buildPanel(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "panel")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startEmulatorProcess runs `panel emulator --json` (plus extra flags) and returns its ready line.
func startEmulatorProcess(t *testing.T, bin string, extra ...string) map[string]string {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"emulator", "--listen", "127.0.0.1:0", "--json"}, extra...)...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		_ = cmd.Wait()
	})
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("emulator ready line: %v", err)
	}
	var ready map[string]string
	if err := json.Unmarshal([]byte(line), &ready); err != nil {
		t.Fatalf("emulator ready line %q: %v", line, err)
	}
	return ready
}

// launcher writes a script that runs panel with the test's environment (no
// token or secret in it: the emulator's client id and loopback URLs), as in a user's terminal: CI is unset
// too, because termenv takes a set CI to mean no terminal (no colour) whatever TERM says.
func launcher(t *testing.T, bin string, ready map[string]string, configDir string) string {
	t.Helper()
	script := filepath.Join(t.TempDir(), "run-panel.sh")
	body := fmt.Sprintf(`#!/bin/sh
export PANEL_CLIENT_ID=%q PANEL_AUTH_URL=%q PANEL_API_URL=%q PANEL_CONFIG_DIR=%q
export PANEL_INSECURE_STORAGE=1 BROWSER=%q TERM=xterm-256color
unset PANEL_PROFILE PANEL_TOKEN PANEL_ORGANIZATION_ID NO_COLOR CI
exec %q
`, ready["client_id"], ready["auth_url"], ready["api_url"], configDir, bin+" "+demoBrowserCmd, bin)
	if err := os.WriteFile(script, []byte(body), 0o700); err != nil {
		t.Fatal(err)
	}
	return script
}

func startTmux(t *testing.T, tmux, script string) *tmuxSession {
	t.Helper()
	s := &tmuxSession{t: t, socket: fmt.Sprintf("panel-test-%d-%d", os.Getpid(), time.Now().UnixNano())}
	s.run(tmux, "-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "24", "-s", "panel", script)
	t.Cleanup(func() { _ = exec.Command(tmux, "-L", s.socket, "kill-server").Run() })
	return s
}

func (s *tmuxSession) run(tmux string, args ...string) string {
	s.t.Helper()
	out, err := exec.Command(tmux, append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (s *tmuxSession) screen() string {
	out, err := exec.Command("tmux", "-L", s.socket, "capture-pane", "-p", "-t", "panel").CombinedOutput()
	if err != nil {
		return "(capture-pane: " + err.Error() + ")"
	}
	return string(out)
}

// keys sends tmux key names ("Enter", "Escape", "C-s") or literal text.
func (s *tmuxSession) keys(keys ...string) {
	s.run("tmux", append([]string{"send-keys", "-t", "panel"}, keys...)...)
}

func (s *tmuxSession) text(text string) { s.run("tmux", "send-keys", "-t", "panel", "-l", text) }

// waitFor polls the screen until it shows every text and returns how long
// that took.
func (s *tmuxSession) waitFor(texts ...string) time.Duration {
	s.t.Helper()
	start := time.Now()
	for {
		screen := s.screen()
		all := true
		for _, x := range texts {
			all = all && strings.Contains(screen, x)
		}
		if all {
			return time.Since(start)
		}
		if time.Since(start) > tmuxDeadline {
			s.t.Fatalf("the screen never showed %q:\n%s", texts, screen)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// waitGone polls until the tmux session has ended (panel quit).
func (s *tmuxSession) waitGone() {
	s.t.Helper()
	start := time.Now()
	for exec.Command("tmux", "-L", s.socket, "has-session", "-t", "panel").Run() == nil {
		if time.Since(start) > tmuxDeadline {
			s.t.Fatalf("panel did not quit:\n%s", s.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
}
