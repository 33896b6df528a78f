package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestHostileTextInTmux: the real binary in a real terminal (tmux with set-clipboard and allow-rename on,
// so that an OSC 52 from the app would land in tmux's paste buffer and an OSC 0/2 in the pane title) goes
// through every screen that shows the hostile seed's names, emails and log lines. Neither the clipboard nor
// the title changes, while the same bytes printed raw in the same server change both (B24).
func TestHostileTextInTmux(t *testing.T) {
	tmux := requireTmux(t)
	bin := buildPanel(t)
	seedFile, err := filepath.Abs(filepath.Join("..", "..", "emulator", "seed", "hostile.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	ready := startEmulatorProcess(t, bin, "--seed", seedFile)
	conf := filepath.Join(t.TempDir(), "tmux.conf")
	if err := os.WriteFile(conf, []byte("set -g set-clipboard on\nset -g allow-rename on\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := startTmuxWith(t, tmux, conf, launcher(t, bin, ready, t.TempDir()))
	titleBefore := s.run(tmux, "display", "-p", "-t", "panel", "#{pane_title}")
	// Checked however the steps end (a hijacked screen may never show what they wait for).
	untouched := func() {
		if out, err := exec.Command(tmux, "-L", s.socket, "show-buffer").CombinedOutput(); err == nil || strings.Contains(string(out), "PWNED") {
			t.Errorf("the app wrote tmux's clipboard: %q", out)
		}
		if title := s.run(tmux, "display", "-p", "-t", "panel", "#{pane_title}"); title != titleBefore || strings.Contains(title, "PWNED") {
			t.Errorf("the pane title changed from %q to %q", titleBefore, title)
		}
	}
	defer func() {
		if t.Failed() {
			untouched()
		}
	}()

	s.waitFor("Sign in to panel")
	s.keys("Enter")
	s.waitFor("PWNED-TITLE", "1 pending") // home: the user's and the organization's hostile names
	for _, step := range []struct {
		keys []string
		show []string
	}{
		{[]string{"o"}, []string{"org_globex", "2 organizations"}},
		{[]string{"Escape"}, []string{"Signed in as"}}, // alone: ESC then a key at once would read as alt+key
		{[]string{"p"}, []string{"3 projects"}},
		{[]string{"Escape"}, []string{"Signed in as"}},
		{[]string{"i"}, []string{"victim", "2 invitations"}},
		{[]string{"Tab"}, []string{"umbrella"}},
		{[]string{"Escape"}, []string{"Signed in as"}},
		{[]string{"m"}, []string{"mallory", "4 members"}},
		{[]string{"Escape"}, []string{"Signed in as"}},
		{[]string{"s"}, []string{"3 services", "Instances of"}},
		{[]string{"Enter"}, []string{"clipboard", "link", "separated"}}, // the selected service's logs
		{[]string{"Escape"}, []string{"3 services"}},
		{[]string{"Escape"}, []string{"Signed in as"}},
		{[]string{"l"}, []string{"Tail logs"}},
		{[]string{"svc-web", "Enter"}, []string{"clipboard", "link", "separated"}},
		{[]string{"Escape"}, []string{"Signed in as"}},
		{[]string{"u"}, []string{"Session id"}},
	} {
		for _, k := range step.keys {
			if len(k) > 1 && strings.ToLower(k) == k {
				s.text(k)
			} else {
				s.keys(k)
			}
		}
		s.waitFor(step.show...)
	}
	screen := s.screen()
	if !strings.Contains(screen, "\uFFFD") {
		t.Errorf("the hostile fields were not shown with their placeholder:\n%s", screen)
	}
	untouched()

	// The control: the same sequences printed raw in this tmux server do reach the clipboard and the title,
	// so the checks above would have seen them.
	s.run(tmux, "new-window", "-d", "-n", "raw", "-t", "panel:", `printf '\033]52;c;UFdORUQtQ0xJUA==\007\033]2;PWNED-TITLE\007'; sleep 30`)
	raw := s.socket
	waitUntil(t, "the raw sequences to reach tmux", func() bool {
		out, err := exec.Command(tmux, "-L", raw, "show-buffer").CombinedOutput()
		title, _ := exec.Command(tmux, "-L", raw, "display", "-p", "-t", "panel:raw", "#{pane_title}").CombinedOutput()
		return err == nil && strings.Contains(string(out), "PWNED-CLIP") && strings.Contains(string(title), "PWNED-TITLE")
	})
}

// startTmuxWith is startTmux with a tmux configuration file.
func startTmuxWith(t *testing.T, tmux, conf, script string) *tmuxSession {
	t.Helper()
	s := &tmuxSession{t: t, socket: fmt.Sprintf("panel-hostile-%d-%d", os.Getpid(), time.Now().UnixNano())}
	s.run(tmux, "-f", conf, "new-session", "-d", "-x", "100", "-y", "30", "-s", "panel", script)
	t.Cleanup(func() { _ = exec.Command(tmux, "-L", s.socket, "kill-server").Run() })
	return s
}

// waitUntil polls cond until it holds; the test fails after tmuxDeadline.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for start := time.Now(); !cond(); time.Sleep(20 * time.Millisecond) {
		if time.Since(start) > tmuxDeadline {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}
