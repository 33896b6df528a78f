package keys_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui"
	"github.com/panel-dev/panel/tui/keys"
)

// newGlobal is the global keys the TUI runs with: the fixed ones and one per screen of its registry.
func newGlobal() keys.Global { return keys.NewGlobal(tui.Screens().Keys()...) }

// fields lists every key.Binding field of a bindings struct by name, and every screen's key (as
// "Screens[route]"), so that a binding or a screen added later is covered without editing these tests.
func fields(t *testing.T, v any) map[string]key.Binding {
	t.Helper()
	out := map[string]key.Binding{}
	rv := reflect.ValueOf(v)
	for i := range rv.NumField() {
		switch f := rv.Field(i).Interface().(type) {
		case key.Binding:
			out[rv.Type().Field(i).Name] = f
		case []keys.ScreenKey:
			for _, s := range f {
				out["Screens["+s.Route+"]"] = s.Binding
			}
		}
	}
	if len(out) == 0 {
		t.Fatalf("%T has no bindings", v)
	}
	return out
}

// press is the key message a terminal sends for a binding's key name ("q", "esc", "ctrl+c", "pgdown").
func press(t *testing.T, name string) tea.KeyMsg {
	t.Helper()
	if r := []rune(name); len(r) == 1 {
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: r}
	}
	for kt := tea.KeyType(-200); kt < 200; kt++ {
		if kt != tea.KeyRunes && (tea.KeyMsg{Type: kt}).String() == name {
			return tea.KeyMsg{Type: kt}
		}
	}
	t.Fatalf("no key message is %q", name)
	return tea.KeyMsg{}
}

func TestEveryBindingHasKeysAndHelp(t *testing.T) {
	for set, v := range map[string]any{"Global": newGlobal(), "List": keys.NewList(), "Input": keys.NewInput()} {
		for name, b := range fields(t, v) {
			if len(b.Keys()) == 0 {
				t.Errorf("%s.%s has no key", set, name)
			}
			if h := b.Help(); strings.TrimSpace(h.Key) == "" || strings.TrimSpace(h.Desc) == "" {
				t.Errorf("%s.%s has no help (%q, %q): help and the footer would show a blank", set, name, h.Key, h.Desc)
			}
			for _, k := range b.Keys() {
				if !key.Matches(press(t, k), b) {
					t.Errorf("%s.%s does not match its own key %q", set, name, k)
				}
			}
		}
	}
}

func TestNoTwoGlobalsShareAKey(t *testing.T) {
	owner := map[string]string{}
	for name, b := range fields(t, newGlobal()) {
		for _, k := range b.Keys() {
			if other, taken := owner[k]; taken {
				t.Errorf("%q is both %s and %s", k, other, name)
			}
			owner[k] = name
		}
	}
}

// TestListKeysLeaveTheGlobalsAlone: a screen's keys come before the globals, so a list key that is also a
// global would make that global unreachable on every list screen.
func TestListKeysLeaveTheGlobalsAlone(t *testing.T) {
	globals := map[string]string{}
	for name, b := range fields(t, newGlobal()) {
		for _, k := range b.Keys() {
			globals[k] = name
		}
	}
	for name, b := range fields(t, keys.NewList()) {
		for _, k := range b.Keys() {
			if g, ok := globals[k]; ok {
				t.Errorf("list key %s (%q) hides the global %s", name, k, g)
			}
		}
	}
}

// TestAllAndHelpListEveryGlobal: key precedence checks use All() and the help screen uses FullHelp(); a global
// missing from them would fire without ever being shown, or be shadowed without anyone noticing.
func TestAllAndHelpListEveryGlobal(t *testing.T) {
	g := newGlobal()
	all := g.All()
	for name, b := range fields(t, g) {
		if !slices.ContainsFunc(all, func(a key.Binding) bool { return slices.Equal(a.Keys(), b.Keys()) }) {
			t.Errorf("%s is missing from All() and FullHelp()", name)
		}
	}
	if n := len(fields(t, g)); len(all) != n {
		t.Errorf("All() has %d bindings for %d globals", len(all), n)
	}
}

func TestSignedOutNavigationNeitherFiresNorShows(t *testing.T) {
	g := newGlobal()
	g.SetSignedIn(false)
	h := help.New()
	h.Width = 1000
	shown := h.ShortHelpView(g.ShortHelp()) + "\n" + h.FullHelpView(g.FullHelp())
	for _, b := range g.Navigation() {
		if b.Enabled() {
			t.Errorf("%q is enabled while signed out", b.Help().Desc)
		}
		for _, k := range b.Keys() {
			if key.Matches(press(t, k), *b) {
				t.Errorf("%q fires on %q while signed out", b.Help().Desc, k)
			}
		}
		if strings.Contains(shown, b.Help().Desc) {
			t.Errorf("help shows %q while signed out:\n%s", b.Help().Desc, shown)
		}
	}
	// Signed out, only what needs no session is left: quitting, the key list, going back.
	var enabled []string
	for name, b := range fields(t, g) {
		if b.Enabled() {
			enabled = append(enabled, name)
			if !key.Matches(press(t, b.Keys()[0]), b) {
				t.Errorf("%s is enabled but does not fire while signed out", name)
			}
		}
	}
	slices.Sort(enabled)
	if want := []string{"Back", "ForceQuit", "Help", "Quit"}; !slices.Equal(enabled, want) {
		t.Errorf("signed out, the enabled globals are %v, want %v", enabled, want)
	}
	for _, want := range []string{"quit", "all keys", "back"} {
		if !strings.Contains(shown, want) {
			t.Errorf("help lost %q while signed out:\n%s", want, shown)
		}
	}

	g.SetSignedIn(true)
	shown = h.FullHelpView(g.FullHelp())
	for _, b := range g.Navigation() {
		if !key.Matches(press(t, b.Keys()[0]), *b) || !strings.Contains(shown, b.Help().Desc) {
			t.Errorf("%q did not come back after signing in", b.Help().Desc)
		}
	}
}
