package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// cursorRow is the line of the view that carries the no-colour cursor mark.
func cursorRow(view string) string {
	for _, line := range strings.Split(view, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "›") {
			return line
		}
	}
	return ""
}

func TestNoColourCursorMovesOnTheSwitcher(t *testing.T) {
	_, d := startSignedIn(t) // the tests' deps run without colour
	d.WaitView("org acme")
	d.Press("o")
	d.WaitView("globex", "initech", "3 organizations")
	first := cursorRow(d.View())
	d.Key(tea.KeyDown)
	second := cursorRow(d.View())
	if first == "" || second == "" || first == second {
		t.Fatalf("the cursor did not show or did not move: %q then %q\n%s", first, second, d.View())
	}
}

func TestNoColourActiveTabIsMarked(t *testing.T) {
	_, d := startSignedIn(t)
	d.WaitView("org acme")
	d.Press("i")
	d.WaitView("[Sent]", " Received (1) ")
	d.Press("tab")
	d.WaitView(" Sent ", "[Received (1)]")
}
