package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/emulator"
)

func TestHelpShowsScreenAndGlobalKeys(t *testing.T) {
	_, d := startSignedIn(t)
	d.Press("u")
	d.WaitView("Session id")
	d.Press("?")
	d.WaitView("Everywhere", "S sign out", "o organizations", "- previous org")
	d.Press("esc")
	d.WaitFor("back on account", func() bool { return d.route() == "account" })
	d.Press("esc")
	d.WaitFor("back on home", func() bool { return d.route() == "home" })
	if strings.Contains(d.m.footerView(), "esc back") {
		t.Fatal("esc back is offered with nowhere to go back to")
	}
}

func TestTooSmallTerminalSaysSo(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	d := startModel(t, e.deps())
	d.Send(tea.WindowSizeMsg{Width: 30, Height: 8})
	if v := d.m.View(); !strings.Contains(v, "too small") {
		t.Fatalf("view at 30×8:\n%s", v)
	}
}

func TestOrganizationIDFlagStartsInThatOrganization(t *testing.T) {
	e, d := startSignedIn(t)
	d.WaitView("org acme")

	// B16: a process started with --organization-id works in that org; the
	// stored default stays.
	d2 := startModel(t, e.depsIn("org_globex"))
	d2.WaitView("org globex")
	d3 := startModel(t, e.deps())
	d3.WaitView("org acme")

	// Not a member: a browser sign-in into that organization is offered.
	d4 := startModel(t, e.depsIn("org_umbrella"))
	d4.WaitView("Sign in to panel", "org_umbrella")
}
