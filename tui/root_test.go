package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/tui/internal/screentest"
	"github.com/panel-dev/panel/tui/screens/signin"
)

func TestSignInLandsOnHomeWithIdentity(t *testing.T) {
	_, d := startSignedIn(t)
	d.WaitView("user alice@example.com", "org acme", "project default", "Home", "1 pending")
	if d.route() != "home" {
		t.Fatalf("route %q, want home", d.route())
	}
}

func TestFirstFrameComesFromTheLocalStore(t *testing.T) {
	e, d := startSignedIn(t)
	d.WaitView("project default")

	// A new process behind a slow network: the very first frame, before any
	// message was processed, already says who and where.
	e.srv.Controls().SetLatency(2 * time.Second)
	m := New(t.Context(), e.deps())
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	first := m.View()
	for _, s := range []string{"alice@example.com", "org acme", "project default"} {
		if !strings.Contains(first, s) {
			t.Fatalf("first frame lacks %q:\n%s", s, first)
		}
	}
}

// noBrowser makes auth.OpenBrowser fail as on an SSH session (B2).
func noBrowser(t *testing.T, d *Deps) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	t.Setenv("CI", "true")
	d.Browser = ""
}

func TestPastedRedirectSignsInAndQIsText(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	deps := e.deps()
	noBrowser(t, &deps)
	d := startModel(t, deps)
	d.WaitView("Sign in to panel")
	d.Press("enter")
	d.WaitView("No browser could be opened here")
	s := d.m.top().(*signin.Model)
	loc := screentest.RedirectOf(t, s.Link())

	d.Press("tab", "q")
	if d.Quit() {
		t.Fatal("q quit while the paste box had focus")
	}
	if !strings.Contains(d.m.View(), "paste › q") {
		t.Fatalf("q was not typed into the paste box:\n%s", d.m.View())
	}
	d.Send(tea.KeyMsg{Type: tea.KeyBackspace})
	d.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(loc), Paste: true})
	d.Press("enter")
	d.WaitFor("the gate to pass", func() bool { return d.m.auth == authSignedIn })
	d.WaitView("org acme")
}
