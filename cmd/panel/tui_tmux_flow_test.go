package main

import (
	"testing"
)

func TestTUIInTmux(t *testing.T) {
	tmux := requireTmux(t)
	bin := buildPanel(t)
	ready := startEmulatorProcess(t, bin)
	configDir := t.TempDir()
	script := launcher(t, bin, ready, configDir)

	// First start: nobody signed in; Enter signs in through the BROWSER command.
	s := startTmux(t, tmux, script)
	firstFrame := s.waitFor("Sign in to panel")
	s.keys("Enter")
	signIn := s.waitFor("org acme", "project default", "1 pending")
	t.Logf("first frame (signed out): %v; sign-in to a filled home: %v", firstFrame, signIn)

	// Switch to a named organization: o, type part of its name, Enter.
	s.keys("o")
	s.waitFor("globex", "initech")
	s.text("glob")
	s.waitFor("1 of 3")
	s.keys("Enter")
	switched := s.waitFor("org globex", "Switched to globex")
	t.Logf("switch to globex: 6 keys (o g l o b enter), %v from enter to the switched header", switched)

	// `-` goes back to the previous organization from anywhere.
	s.keys("-")
	back := s.waitFor("org acme", "Switched to acme")
	t.Logf("switch back with '-': 1 key, %v", back)

	// Invitations: send to one good and one bad address, then revoke.
	s.keys("i")
	s.waitFor("Invitations · acme")
	s.keys("n")
	s.waitFor("Invite to acme")
	s.text("carol@example.com,not-an-email")
	s.keys("C-s")
	s.waitFor("not a valid email address", "1 sent, 1 not sent")
	s.keys("Escape")
	s.waitFor("carol@example.com", "dave@example.com")
	s.keys("/")
	s.text("carol")
	s.keys("Enter")
	s.waitFor("1 of 2")
	s.keys("x")
	s.waitFor("Revoke the invitation to carol@example.com?")
	s.keys("y")
	s.waitFor("Revoked the invitation")

	// `q` quits; a new process draws its first frame from the local store.
	s.keys("q")
	s.waitGone()
	s = startTmux(t, tmux, script)
	fromStore := s.waitFor("user alice@example.com", "org acme", "project default")
	filled := s.waitFor("1 pending")
	t.Logf("restart: first frame with user/org/project from the store %v; network data in %v more", fromStore, filled)

	// Account: S signs out and lands on the sign-in screen.
	s.keys("u")
	s.waitFor("Session id")
	s.keys("S")
	s.waitFor("Signed out of alice@example.com", "Sign in to panel")
	s.keys("q")
	s.waitGone()
}
