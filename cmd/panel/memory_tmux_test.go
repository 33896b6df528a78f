package main

import "testing"

// The built binary in tmux (B29): web made current in acme, a switch to
// globex (its default) and `-` back: acme's project is web again.
func TestProjectIsKeptPerOrganizationInTmux(t *testing.T) {
	tmux := requireTmux(t)
	bin := buildPanel(t)
	ready := startEmulatorProcess(t, bin)
	s := startTmux(t, tmux, launcher(t, bin, ready, t.TempDir()))
	s.waitFor("Sign in to panel")
	s.keys("Enter")
	s.waitFor("org acme", "project default")

	s.keys("p")
	s.waitFor("Projects of acme", "web", "data")
	s.text("/web")
	s.keys("Enter", "Enter")
	s.waitFor("project web", "web is now the current project")

	s.text(":orgs globex")
	s.keys("Enter")
	s.waitFor("org globex", "project default", "Switched to globex")
	s.keys("-")
	s.waitFor("org acme", "project web", "Switched to acme")

	// Quit, so that no write of panel's races the removal of its profile.
	s.keys("q")
	s.waitGone()
}
