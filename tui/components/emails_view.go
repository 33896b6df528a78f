package components

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"github.com/panel-dev/panel/internal/termsafe"
)

// ShortHelp are the input's keys.
func (e Emails) ShortHelp() []key.Binding {
	next := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next line"))
	return []key.Binding{e.keys.Submit, next, e.up, e.keys.Cancel}
}

// Summary counts the lines by outcome, for the line under the input.
func (e Emails) Summary() (sent, failed int) {
	for _, l := range e.lines {
		switch {
		case l.Sent:
			sent++
		case l.Err != "":
			failed++
		}
	}
	return sent, failed
}

// View draws one row per line: the address, then its verdict.
func (e Emails) View() string {
	const col = 34
	var b strings.Builder
	b.WriteString(e.th.Muted.Render("One email per line (a paste with commas or spaces splits itself).") + "\n")
	for i, l := range e.lines {
		marker, text := "  ", e.th.Text.Render(termsafe.Line(l.Text))
		if i == e.row {
			marker, text = e.th.Accent.Render("> "), e.input.View()
		}
		pad := max(col-lipgloss.Width(text), 1)
		b.WriteString(marker + text + strings.Repeat(" ", pad))
		switch {
		case l.Sent:
			b.WriteString(e.th.Success.Render("✓ sent"))
		case l.Err != "":
			b.WriteString(e.th.FieldHint.Render("✗ " + termsafe.Line(l.Err))) // the API's words, often
		}
		b.WriteByte('\n')
	}
	if sent, failed := e.Summary(); sent+failed > 0 {
		b.WriteString(e.th.Muted.Render(fmt.Sprintf("%d sent, %d not sent", sent, failed)) + "\n")
	}
	if e.busy {
		b.WriteString(e.th.Muted.Render("Sending…"))
	}
	return strings.TrimRight(b.String(), "\n")
}
