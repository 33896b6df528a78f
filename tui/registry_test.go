package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/tui/common"
)

// The screen registry is the one table routing, keys, help and the gate read: these tests walk its rows,
// so a row added later is covered without editing them.

// withArg completes a route that needs an argument.
func withArg(s common.ScreenSpec) common.Route {
	if s.NeedsArg {
		return s.Route.With("inv_test")
	}
	return s.Route
}

// keyOf is the key message of a row's key.
func keyOf(s common.ScreenSpec) tea.KeyMsg {
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s.Key)}
}

func TestEveryScreenKeyOpensItsRouteAndEveryRouteIsKnown(t *testing.T) {
	_, d := startSignedIn(t)
	d.WaitView("org acme")
	for _, s := range Screens().Rows() {
		if s.Overlay {
			if d.m.knownRoute(s.Route) {
				t.Errorf("overlay %q is a place to land after a sign-in", s.Route)
			}
		} else if !d.m.knownRoute(withArg(s)) {
			t.Errorf("route %q is not known", withArg(s))
		}
		if s.Key == "" {
			continue
		}
		d.Send(keyOf(s))
		d.WaitFor("key "+s.Key+" to open "+string(s.Route), func() bool { return d.m.top().Route().Name() == s.Route })
		if top := d.m.top(); top.Title() != s.Title {
			t.Errorf("%q: the screen calls itself %q, the registry %q", s.Route, top.Title(), s.Title)
		}
		d.Press("esc") // leave a filter or an input first
		d.Send(common.OpenMsg{Route: common.RouteHome, Reset: true})
		d.WaitFor("home", func() bool { return d.route() == "home" })
	}
}

func TestScreensAboutTheOrganizationOpenOnboardingWithoutOne(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	deps := e.deps()
	deps.SignInEmail = "carol@example.com" // in no organization in the demo seed
	d := startModel(t, deps)
	d.WaitView("Sign in to panel")
	d.Press("enter")
	d.WaitView("Welcome to panel")
	for _, s := range Screens().Rows() {
		if s.Key == "" {
			continue
		}
		want := s.Route
		if s.NeedsOrganization {
			want = common.RouteOnboarding
		}
		d.Send(keyOf(s))
		d.WaitFor("key "+s.Key+" to open "+string(want), func() bool { return d.m.top().Route().Name() == want })
		d.Press("esc")
		d.Send(common.OpenMsg{Route: common.RouteOnboarding, Reset: true})
		d.WaitFor("onboarding", func() bool { return d.route() == "onboarding" && len(d.m.stack) == 1 })
	}
}

func TestOutsideTheGateScreensOpenSignedOutAndTheOthersWait(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	d := startModel(t, e.deps())
	d.WaitView("Sign in to panel")
	for _, s := range Screens().Rows() {
		switch {
		case s.Overlay:
			continue
		case s.OutsideGate:
			d.Send(common.OpenMsg{Route: withArg(s)})
			d.WaitFor(string(s.Route)+" signed out", func() bool { return d.m.top().Route() == withArg(s) })
			d.Send(common.SignInMsg{})
			d.WaitView("Sign in to panel")
		case s.Key != "":
			d.Send(keyOf(s))
			if d.route() != "signin" {
				t.Errorf("key %q opened %q signed out", s.Key, d.route())
			}
			if strings.Contains(d.m.footerView(), s.Help) {
				t.Errorf("the footer offers %q signed out", s.Help)
			}
		}
	}
}

// TestAScreenIsOneRow: a screen the root has never heard of is one row away from having its key, its place in
// help and the footer, its gate and its organization rule.
func TestAScreenIsOneRow(t *testing.T) {
	row := common.ScreenSpec{Route: "probe", Key: "z", Title: "Probe", Help: "the probe", NeedsOrganization: true,
		InFooter: true, New: func(c *common.Context, o common.Opening) common.Screen { return newProbe(o.Route) }}
	reg := common.NewRegistry(append(Screens().Rows(), row)...)
	e := newEnv(t, emulator.Options{})
	d := startModelWith(t, e.deps(), reg)
	d.WaitView("Sign in to panel")
	d.Press("z")
	if d.route() != "signin" {
		t.Fatalf("z opened %q signed out", d.route())
	}
	d.signIn()
	d.WaitView("org acme", "z the probe")
	d.Press("z")
	d.WaitFor("the probe", func() bool { return d.route() == "probe" })
	d.WaitView("Probe") // the header names it
	if !key.Matches(keyOf(row), d.m.ctx.Keys.All()...) {
		t.Fatal("help does not list z")
	}
	d.Press("?")
	d.WaitView("z the probe")
}
