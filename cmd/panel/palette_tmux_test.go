package main

import "testing"

// The built binary in tmux: `:` opens the command palette; `orgs globex`
// typed in one write and Enter switch organization; `:proj`, tab, Enter opens
// the projects; `:quit` quits.
func TestCommandPaletteInTmux(t *testing.T) {
	tmux := requireTmux(t)
	bin := buildPanel(t)
	ready := startEmulatorProcess(t, bin)
	s := startTmux(t, tmux, launcher(t, bin, ready, t.TempDir()))
	s.waitFor("Sign in to panel")
	s.keys("Enter")
	s.waitFor("org acme", "project default")

	s.keys(":")
	s.waitFor("· Command", "orgs", "projects", "quit")
	s.text("orgs globex")
	s.waitFor("› orgs globex")
	s.keys("Enter")
	s.waitFor("org globex", "Switched to globex")

	s.text(":proj")
	s.waitFor("› projects")
	s.keys("Tab", "Enter")
	s.waitFor("Projects of globex", "api")

	s.text(":quit")
	s.keys("Enter")
	s.waitGone()
}
