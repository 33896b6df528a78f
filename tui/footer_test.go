package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// Every screen's footer holds whole keys and `? all keys`, wide or narrow.
func TestFootersKeepWholeKeysAndHelpAtAnyWidth(t *testing.T) {
	_, d := startSignedIn(t)
	d.WaitView("org acme", "1 pending")
	for _, row := range d.m.screens.Rows() {
		if row.Key == "" || row.Route == "orgs" { // the switcher's filter takes `?` as text
			continue
		}
		for _, size := range [][2]int{{120, 30}, {80, 24}, {40, 12}} {
			d.Send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			d.step("esc")
			d.step(row.Key)
			footer := strings.TrimRight(d.m.footerView(), " ")
			// A screen that takes keys as text (the log pane's id input) has no `?`.
			wantHelp := !d.m.top().Capturing()
			if strings.HasSuffix(footer, "…") || wantHelp != strings.Contains(footer, "? all keys") {
				t.Errorf("%s at %dx%d: footer %q", row.Route, size[0], size[1], footer)
			}
		}
	}
}

// What enter does is said the same way in the footer and in help, and not
// offered where it does nothing.
func TestEnterIsOfferedOnlyWhereItActs(t *testing.T) {
	_, d := startSignedIn(t)
	d.WaitView("org acme", "1 pending")
	d.Send(tea.WindowSizeMsg{Width: 160, Height: 30})
	for _, c := range []struct{ key, want string }{{"p", "enter make current"}, {"m", ""}, {"i", ""}} {
		d.step("esc")
		d.step(c.key) // loaded: enter is offered only with rows to act on
		footer := d.m.footerView()
		d.Press("?")
		help := d.View()
		d.Press("esc")
		if c.want == "" {
			if strings.Contains(footer, "enter") || strings.Contains(help, "enter select") {
				t.Errorf("%s offers enter, which does nothing there:\n%s\n%s", c.key, footer, help)
			}
			continue
		}
		if !strings.Contains(footer, c.want) || !strings.Contains(help, "make current") {
			t.Errorf("%s: footer %q or help lacks %q:\n%s", c.key, footer, c.want, help)
		}
	}
}
