package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/screens/orgs"
)

// runes is what Bubble Tea v1 delivers for characters that arrived in one
// read: one message with every rune.
func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

func TestKeysReadTogetherAreSplitAndSwitch(t *testing.T) {
	_, d := startSignedIn(t)
	d.WaitView("org acme", "1 pending")

	// `o`, the name and enter in one go, before the switcher loaded anything.
	d.Send(runes("oglob"), tea.KeyMsg{Type: tea.KeyEnter})
	d.WaitView("org globex", "Switched to globex")
}

func TestKeysReadTogetherStayTextOnceAnInputHasFocus(t *testing.T) {
	_, d := startSignedIn(t)
	d.WaitView("org acme", "1 pending")

	// `o` opens the switcher, whose filter takes the rest as typed: q types a q.
	d.Send(runes("oqglob"))
	if d.Quit() {
		t.Fatal("q in the switcher's filter quit")
	}
	sw, ok := d.m.top().(*orgs.Model)
	if !ok || sw.Filter() != "qglob" {
		t.Fatalf("top %T, filter %q; want the switcher with qglob", d.m.top(), sw.Filter())
	}
}

func TestBracketedPasteIsNeverKeys(t *testing.T) {
	_, d := startSignedIn(t)
	d.WaitView("org acme", "1 pending")

	d.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("oq"), Paste: true})
	if d.Quit() || d.route() != "home" {
		t.Fatalf("a paste on home acted as keys: quit %v, route %q", d.Quit(), d.route())
	}
}
