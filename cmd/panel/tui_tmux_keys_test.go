package main

import "testing"

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

	// `o`, the name and enter in one write: the switcher opens, filters and switches.
	s.keys("oglob", "Enter")
	s.waitFor("org globex", "Switched to globex")

	// A screen's key, a list's key and quit in one write.
	s.keys("-")
	s.waitFor("org acme", "Switched to acme")
	s.keys("ijq")
	s.waitGone()
}
