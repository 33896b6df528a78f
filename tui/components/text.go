package components

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/charmbracelet/lipgloss"

	"github.com/panel-dev/panel/internal/termsafe"
	"github.com/panel-dev/panel/tui/theme"
)

// The text blocks of the screens that are pages rather than lists (home,
// account, sign-in, the invitation landing).

// Paragraph renders text in style, wrapped to width (0: not wrapped). Its
// text often holds names, server errors or WorkOS's words, so it is
// sanitized here (B24).
func Paragraph(style lipgloss.Style, width int, text string) string {
	if width > 0 {
		style = style.Width(width)
	}
	return style.Render(termsafe.Line(text))
}

// Field is one "label  value" line, the labels in a muted column of
// labelWidth; value is drawn as given (already styled and sanitized).
func Field(th *theme.Theme, labelWidth int, label, value string) string {
	return th.Muted.Render(fmt.Sprintf("%-*s", labelWidth, label)) + value + "\n"
}

// KeyLine is one "key  what it does" line of a page's offer.
func KeyLine(th *theme.Theme, k, what string) string {
	return "  " + th.Key.Render(fmt.Sprintf("%-6s", k)) + " " + what + "\n"
}

// WrapWords wraps text at spaces only, to width columns: a flag or a path
// (--insecure-storage) is never split at its hyphens, as lipgloss would; a
// word wider than width is cut hard.
func WrapWords(text string, width int) string {
	if width <= 0 {
		return text
	}
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		switch {
		case line == "":
			line = word
		case ansi.StringWidth(line)+1+ansi.StringWidth(word) <= width:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
		for ansi.StringWidth(line) > width {
			lines = append(lines, ansi.Truncate(line, width, ""))
			line = ansi.TruncateLeft(line, width, "")
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
