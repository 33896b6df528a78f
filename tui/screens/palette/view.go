package palette

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/panel-dev/panel/internal/termsafe"
)

// View draws the line, its suggestions (the one under the cursor marked),
// why the last command did not run, and the screen below.
func (m *Model) View() string {
	t := m.ctx.Theme
	var b strings.Builder
	b.WriteString(m.input.View() + "\n")
	shown := m.suggestions
	start := 0
	if m.cursor >= maxShown {
		start = m.cursor - maxShown + 1
	}
	if len(shown) > start+maxShown {
		shown = shown[:start+maxShown]
	}
	for i := start; i < len(shown); i++ {
		s := shown[i]
		// Organization and service names come from the server (B24).
		line := termsafe.Line(s.Line)
		if s.Help != "" {
			line += "  " + t.Muted.Render(termsafe.Line(s.Help))
		}
		if i == m.cursor {
			b.WriteString("› " + t.Selected.Render(line) + "\n")
		} else {
			b.WriteString("  " + line + "\n")
		}
	}
	switch {
	case m.running:
		b.WriteString(t.Muted.Render("Looking it up…") + "\n")
	case m.err != "":
		b.WriteString(t.Error.Render(termsafe.Line(m.err)) + "\n")
	case len(m.suggestions) == 0 && m.input.Value() != "":
		b.WriteString(t.Muted.Render("Nothing matches.") + "\n")
	}
	top := b.String()
	if m.below == nil {
		return top
	}
	rest := m.height - lipgloss.Height(top) - 1
	if rest <= 0 {
		return top
	}
	below := lipgloss.NewStyle().MaxHeight(rest).Render(m.below.View())
	return top + t.Muted.Render(strings.Repeat("─", max(m.width, 1))) + "\n" + below
}
