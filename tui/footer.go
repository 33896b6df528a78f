package tui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// The footer never ends in "…": keys that do not fit are left out whole
// (help lists every key), and "? all keys" always stays, at any width.

// footerSeparator is what bubbles/help draws between two keys.
const footerSeparator = " • "

// fitFooter returns the bindings, in order, that fit in width: keep are
// never left out (their room is kept first); the others go in while they fit.
func fitFooter(bindings []key.Binding, width int, keep func(key.Binding) bool) []key.Binding {
	size := func(b key.Binding) int {
		return lipgloss.Width(b.Help().Key) + 1 + lipgloss.Width(b.Help().Desc)
	}
	used, n := 0, 0
	for _, b := range bindings {
		if keep(b) {
			used += size(b)
			n++
		}
	}
	take := make([]bool, len(bindings))
	for i, b := range bindings {
		if keep(b) {
			take[i] = true
			continue
		}
		extra := size(b)
		if n > 0 {
			extra += len(footerSeparator)
		}
		if used+extra <= width {
			take[i], used, n = true, used+extra, n+1
		}
	}
	var out []key.Binding
	for i, b := range bindings {
		if take[i] {
			out = append(out, b)
		}
	}
	return out
}
