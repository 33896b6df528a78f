package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// launcherNoColor is launcher with NO_COLOR=1: the terminal gets no colour,
// bold, faint or reverse at all.
func launcherNoColor(t *testing.T, bin string, ready map[string]string, configDir string) string {
	t.Helper()
	script := launcher(t, bin, ready, configDir)
	body, err := os.ReadFile(script)
	if err != nil {
		t.Fatal(err)
	}
	withNoColor := strings.Replace(string(body), "\nexec ", "\nexport NO_COLOR=1\nexec ", 1)
	if err := os.WriteFile(script, []byte(withNoColor), 0o700); err != nil {
		t.Fatal(err)
	}
	return script
}

// cursorLine is the screen's line that carries the no-colour cursor mark.
func cursorLine(screen string) string {
	for _, line := range strings.Split(screen, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "›") {
			return strings.TrimSpace(line)
		}
	}
	return ""
}

// waitCursorOn waits until the cursor mark is on the line of text.
func waitCursorOn(s *tmuxSession, text string) {
	s.t.Helper()
	start := time.Now()
	for !strings.Contains(cursorLine(s.screen()), text) {
		if time.Since(start) > tmuxDeadline {
			s.t.Fatalf("the cursor is never seen on %s:\n%s", text, s.screen())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestTUIInTmuxWithoutColour(t *testing.T) {
	tmux := requireTmux(t)
	bin := buildPanel(t)
	ready := startEmulatorProcess(t, bin)
	configDir := t.TempDir()
	// Labels from the config file carry the organization without colour, with its mark.
	config := "organizations:\n  org_acme: {label: customer}\n  globex: {color: teal, label: prod}\n"
	if err := os.WriteFile(filepath.Join(configDir, "config.yaml"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	s := startTmux(t, tmux, launcherNoColor(t, bin, ready, configDir))
	s.waitFor("Sign in to panel")
	s.keys("Enter")
	s.waitFor("org acme (customer)", "1 pending")

	// The switcher's cursor is seen moving, and enter switches to the row it shows.
	s.keys("o")
	s.waitFor("3 organizations")
	if line := cursorLine(s.screen()); !strings.Contains(line, "acme") {
		t.Fatalf("the cursor is not seen on acme: %q\n%s", line, s.screen())
	}
	s.keys("Down", "Down")
	s.waitFor("org_initech  deactivated")
	waitCursorOn(s, "initech")
	s.keys("Enter")
	s.waitFor("org initech")

	// A tiny window (40×12, as over a phone's SSH): the header keeps the organization and its state, the
	// footer keeps `? all keys`.
	s.run("tmux", "resize-window", "-t", "panel", "-x", "40", "-y", "12")
	s.waitFor("org initech [DEACTIVATED]", "? all keys")
	s.run("tmux", "resize-window", "-t", "panel", "-x", "80", "-y", "24")
	s.waitFor("user alice@example.com")
	s.keys("o")
	s.waitFor("3 organizations")
	s.keys("glob", "Enter")
	s.waitFor("✚ org globex (prod)") // teal's mark

	// The active tab told apart, and a list's cursor seen moving.
	s.keys("o")
	s.waitFor("3 organizations")
	s.keys("acme", "Enter")
	s.waitFor("org acme (customer)", "Switched to acme")
	s.keys("i")
	s.waitFor("[Sent]", "dave@example.com")
	waitCursorOn(s, "dave@example.com")
	s.keys("Tab")
	s.waitFor("[Received (1)]")
	s.keys("m")
	s.waitFor("bob@example.com")
	waitCursorOn(s, "alice@example.com")
	s.keys("Down")
	waitCursorOn(s, "bob@example.com")

	// The leave question's placeholder does not look typed.
	s.keys("L")
	s.waitFor("> (acme)")
	s.keys("Escape")
	s.waitFor("2 members") // before q: an escape and a key in one read are alt+key
	s.keys("q")
	s.waitGone()
}
