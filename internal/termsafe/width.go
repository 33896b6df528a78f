package termsafe

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Ellipsis ends a cut cell.
const Ellipsis = "…"

// Truncate is Line(s) cut to at most width columns, ending in an ellipsis when cut. Widths are measured by
// grapheme, so wide runes (CJK, emoji) count two columns and are never split.
func Truncate(s string, width int) string {
	s = Line(s)
	if width <= 0 {
		return ""
	}
	return ansi.Truncate(s, width, Ellipsis)
}

// Cell is Truncate(s, width) padded with spaces to exactly width columns: a table column or a list column.
func Cell(s string, width int) string {
	s = Truncate(s, width)
	if pad := width - ansi.StringWidth(s); pad > 0 {
		s += strings.Repeat(" ", pad)
	}
	return s
}

// Pad is Line(s) padded with spaces to at least width columns, never cut: a column of a row that the
// caller bounds as a whole (a list cuts its rows at the screen's width).
func Pad(s string, width int) string {
	s = Line(s)
	if pad := width - ansi.StringWidth(s); pad > 0 {
		s += strings.Repeat(" ", pad)
	}
	return s
}

// Width is the number of columns s takes once sanitized.
func Width(s string) int { return ansi.StringWidth(Line(s)) }
