package main

import (
	"os/exec"
	"strings"
	"testing"
)

// headerColour is the SGR sequences between "org " and the organization's
// name on the header (capture-pane -e keeps them): the name's own style.
func headerColour(t *testing.T, s *tmuxSession, org string) string {
	t.Helper()
	out, err := exec.Command("tmux", "-L", s.socket, "capture-pane", "-e", "-p", "-t", "panel").CombinedOutput()
	if err != nil {
		t.Fatalf("capture-pane -e: %v", err)
	}
	header, _, _ := strings.Cut(string(out), "\n")
	_, rest, found := strings.Cut(header, "org ")
	style := ""
	for found && strings.HasPrefix(rest, "\x1b[") {
		end := strings.IndexByte(rest, 'm') + 1
		style, rest = style+rest[:end], rest[end:]
	}
	if !found || !strings.HasPrefix(rest, org) {
		t.Fatalf("no %q on the header %q", org, header)
	}
	return style
}

// Keys that reach the program in one read: tmux writes a whole word at once,
// as fast typing over SSH or a paste without bracketed paste would.
func TestTUIInTmuxWordsTypedInOneWrite(t *testing.T) {
	tmux := requireTmux(t)
	bin := buildPanel(t)
	ready := startEmulatorProcess(t, bin)
	s := startTmux(t, tmux, launcher(t, bin, ready, t.TempDir()))
	s.waitFor("Sign in to panel")
	s.keys("Enter")
	s.waitFor("org acme", "1 pending")

	acme := headerColour(t, s, "acme")

	// `o`, the name and enter in one write: the switcher opens, filters and switches.
	s.keys("oglob", "Enter")
	s.waitFor("org globex", "Switched to globex")
	// Each organization has a colour of its own on the header.
	if globex := headerColour(t, s, "globex"); globex == acme || !strings.Contains(globex, "48;") {
		t.Fatalf("acme's header colour %q, globex's %q: want two backgrounds", acme, globex)
	}

	// A screen's key, a list's key and quit in one write.
	s.keys("-")
	s.waitFor("org acme", "Switched to acme")
	s.keys("ijq")
	s.waitGone()
}
