package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/teadriver"
)

// Every key a screen's help offers does something: a walk over the screens
// of the registry (and the states with keys of their own) presses each
// advertised key on a fresh session and checks that something changed: the
// screen's view, the route, the stack, the status line, the keys that work
// (a focused filter), the organization or the session.

// keyMsgs are the key messages by the names bindings use ("enter", "ctrl+n", "G").
var keyMsgs = func() map[string]tea.KeyMsg {
	out := map[string]tea.KeyMsg{}
	for t := tea.KeyType(-64); t < 128; t++ {
		if name := t.String(); name != "" && t != tea.KeyRunes {
			out[name] = tea.KeyMsg{Type: t}
		}
	}
	return out
}()

func keyMsg(k string) tea.KeyMsg {
	if m, ok := keyMsgs[k]; ok {
		return m
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)} // a letter, or a word typed in one go
}

// helpState is a screen with what brings it to a state: who signs in (""
// alice; "-" nobody: the sign-in screen), the screen it starts on, then keys.
type helpState struct {
	name    string
	prelude []string
	as      string
	landing bool // start on an invitation's landing screen
}

// helpStates are the registry's screens with a key, and the states that offer keys of their own.
func helpStates(d *driver) []helpState {
	var out []helpState
	for _, row := range d.m.screens.Rows() {
		if row.Key != "" {
			out = append(out, helpState{name: string(row.Route), prelude: []string{row.Key}})
		}
	}
	return append(out,
		helpState{name: "help", prelude: []string{"?"}},
		helpState{name: "invitations, received", prelude: []string{"i", "tab"}},
		helpState{name: "members, filtered", prelude: []string{"m", "/", "bob", "enter"}},
		helpState{name: "onboarding", as: "carol@example.com"},
		helpState{name: "invitation landing", landing: true},
		helpState{name: "sign-in", as: "-"})
}

// snapshot is what a key may change.
type snapshot struct {
	route, view, status, header, footer string
	depth                               int
	gen                                 any
	auth                                authPhase
	quit                                bool
}

func (d *driver) snapshot() snapshot {
	return snapshot{route: d.route(), view: d.m.top().View(), status: d.m.status.Text, header: d.m.headerView(), footer: d.m.footerView(),
		depth: len(d.m.stack), gen: d.m.ctx.Generation(), auth: d.m.auth, quit: d.Quit()}
}

// advertised are the enabled keys of the top screen's short and full help.
func advertised(d *driver) []key.Binding {
	top := d.m.top()
	all := slices.Clone(top.ShortHelp())
	for _, col := range top.FullHelp() {
		all = append(all, col...)
	}
	var out []key.Binding
	seen := map[string]bool{}
	for _, b := range all {
		if b.Enabled() && len(b.Keys()) > 0 && !seen[b.Keys()[0]] {
			seen[b.Keys()[0]] = true
			out = append(out, b)
		}
	}
	return out
}

// reach starts a session as the state says and brings it to state s. Each
// step waits for what it started, never for a quiet period: a request may
// take any time under load.
func reach(t *testing.T, s helpState) *driver {
	t.Helper()
	e := newEnv(t, emulator.Options{})
	deps := e.deps()
	if s.landing {
		deps.Start = e.invite("bob@example.com")
		deps.SignInEmail = "bob@example.com"
	}
	if s.as != "-" && s.as != "" {
		deps.SignInEmail = s.as
	}
	d := startModel(t, deps)
	if s.landing {
		d.WaitView("Someone invited you") // signed out: enter signs in and comes back to it
	} else {
		d.WaitView("Sign in to panel")
	}
	if s.as != "-" {
		d.Press("enter")
		d.WaitFor("the gate to pass", func() bool { return d.m.auth == authSignedIn })
	}
	if s.as == "" && !s.landing { // home: its counts and the header's project come last
		d.WaitView("1 pending", "project default")
	}
	d.WaitFor("the landing screen to load", func() bool { return !busy(d) })
	for _, k := range s.prelude {
		d.step(k)
	}
	return d
}

// busyTexts are what panel draws while a request it needs is out (a list or
// a page loading, the session being checked): a state showing one is not
// reached yet.
var busyTexts = []string{"Loading ", "loading more", "checking…", "Checking your session"}

func busy(d *driver) bool {
	v := d.View()
	return slices.ContainsFunc(busyTexts, func(s string) bool { return strings.Contains(v, s) })
}

// step presses k and waits until all it started has finished, or until it
// showed its effect and nothing is loading (what never finishes, a cursor's
// blink, started with that effect).
func (d *driver) step(k string) {
	d.t.Helper()
	before := d.snapshot()
	f := d.Track(keyMsg(k))
	d.WaitFor(fmt.Sprintf("%q to take effect", k), func() bool {
		return f.Done() || (d.snapshot() != before && !busy(d))
	})
}

func TestEveryAdvertisedKeyDoesSomething(t *testing.T) {
	_, first := startSignedIn(t)
	for _, s := range helpStates(first) {
		t.Run(s.name, func(t *testing.T) {
			d := reach(t, s)
			keys := advertised(d)
			if len(keys) == 0 && s.name != "home" {
				t.Fatalf("%s (route %s) offers no key to walk:\n%s", s.name, d.route(), d.View())
			}
			t.Logf("%s on %s offers %d keys", s.name, d.route(), len(keys))
			for _, b := range keys {
				k := b.Keys()[0]
				// A key that moves up needs the cursor elsewhere first.
				if acted(t, s, k, nil) || acted(t, s, k, []string{"end"}) || acted(t, s, k, []string{"down"}) {
					continue
				}
				t.Errorf("%s: %q (%s) is offered and does nothing", s.name, b.Help().Key, b.Help().Desc)
			}
		})
	}
}

// acted presses k in state s (after the keys of then: some keys need the
// cursor elsewhere) on a fresh session and reports whether anything changed.
// It waits for the change, or for everything the key started to finish
// without one: a key that starts nothing has done nothing at once.
func acted(t *testing.T, s helpState, k string, then []string) bool {
	t.Helper()
	if slices.Contains(then, k) {
		return false
	}
	s.prelude = slices.Concat(s.prelude, then)
	d := reach(t, s)
	before := d.snapshot()
	f := d.Track(keyMsg(k))
	err := d.Wait(fmt.Sprintf("%q to change something", k), teadriver.Deadline, func() bool {
		return d.snapshot() != before || f.Done()
	})
	if after := d.snapshot(); err != nil || before == after {
		t.Logf("%s after %v: %q changed nothing:\n%s", s.name, then, k, strings.TrimSpace(fmt.Sprint(after.view)))
		return false
	}
	return true
}
