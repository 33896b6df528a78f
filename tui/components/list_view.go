package components

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/panel-dev/panel/internal/termsafe"
)

// showsFilter reports whether the filter line takes a row.
func (l List[T]) showsFilter() bool {
	return l.opts.FilterFirst || l.filter.Focused() || l.filter.Value() != ""
}

// rows is how many item rows fit (10 before the root gave a size).
func (l List[T]) rows() int {
	if l.height <= 0 {
		return 10
	}
	n := l.height - 1 // footer
	if l.showsFilter() {
		n--
	}
	return max(n, 1)
}

// TooNarrow reports whether the box is too small to draw the list sensibly.
func (l List[T]) TooNarrow() bool {
	return (l.width > 0 && l.width < l.opts.MinWidth) || (l.height > 0 && l.height < 3)
}

// View draws the list in its current state.
func (l List[T]) View() string {
	if l.TooNarrow() {
		return l.th.Warning.Render(fmt.Sprintf("Too narrow: widen the terminal to %d columns.", l.opts.MinWidth))
	}
	var b strings.Builder
	if l.showsFilter() {
		b.WriteString(l.filter.View())
		b.WriteByte('\n')
	}
	switch {
	case len(l.items) == 0 && l.loading:
		b.WriteString(l.spin.View() + " " + l.th.Muted.Render("Loading "+l.opts.Noun+"…"))
	case len(l.items) == 0 && l.err != "":
		b.WriteString(l.errorLine())
	case len(l.items) == 0 && l.unavailable != "":
		b.WriteString(l.th.Warning.Width(max(l.width, 0)).Render(termsafe.Line(l.unavailable)))
	case len(l.items) == 0:
		b.WriteString(l.th.Muted.Render(termsafe.Text(l.opts.Empty)))
	case len(l.shown) == 0:
		b.WriteString(l.th.Muted.Render(fmt.Sprintf("No %s match %q. esc clears the filter.", l.opts.Noun, l.filter.Value())))
		b.WriteString("\n" + l.footer())
	default:
		l.writeRows(&b)
		b.WriteString(l.footer())
	}
	return b.String()
}

func (l List[T]) writeRows(b *strings.Builder) {
	end := min(l.offset+l.rows(), len(l.shown))
	for i := l.offset; i < end; i++ {
		// A row is the screen's, built with termsafe's helpers from server data;
		// the list keeps only our styling of it, whatever the row forgot (B24).
		w := l.width
		if w > 0 {
			w = max(w-l.th.CursorGutter(), 1)
		}
		row := l.th.CursorMark(i == l.cursor) + termsafe.Styled(l.opts.Row(l.items[l.shown[i]], i == l.cursor, w))
		if l.width > 0 {
			row = ansi.Truncate(row, l.width, "…")
		}
		b.WriteString(row)
		b.WriteByte('\n')
	}
}

func (l List[T]) errorLine() string {
	k := "r"
	if l.filter.Focused() && len(l.items) > 0 {
		k = "ctrl+r"
	}
	return l.th.Error.Render(termsafe.Line(l.err)) + l.th.Muted.Render(" — press ") + l.th.Key.Render(k) + l.th.Muted.Render(" to retry.")
}

// noun is the list's noun for n items: "1 member", "2 members" (every
// noun of panel's lists takes an s).
func (l List[T]) noun(n int) string {
	if n == 1 {
		return strings.TrimSuffix(l.opts.Noun, "s")
	}
	return l.opts.Noun
}

// footer is the one line under the rows: count, then loading, error or note.
func (l List[T]) footer() string {
	count := fmt.Sprintf("%d %s", len(l.items), l.noun(len(l.items)))
	if len(l.shown) != len(l.items) {
		count = fmt.Sprintf("%d of %d %s", len(l.shown), len(l.items), l.noun(len(l.items)))
	}
	line := l.th.Muted.Render(count)
	switch {
	case l.err != "":
		line += "  " + l.errorLine()
	case l.loading && l.note != "":
		line += "  " + l.spin.View() + " " + l.th.Muted.Render(termsafe.Line(l.note))
	case l.loading:
		line += "  " + l.spin.View() + l.th.Muted.Render(" loading more…")
	case l.note != "":
		line += "  " + l.th.Muted.Render(termsafe.Line(l.note))
	}
	if l.width > 0 {
		line = ansi.Truncate(line, l.width, "…")
	}
	return line
}
