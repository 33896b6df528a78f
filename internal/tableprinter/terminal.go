package tableprinter

import (
	"strings"

	"github.com/panel-dev/panel/internal/termsafe"
)

// SGR styles of the terminal form.
const (
	sgrHeader = "\x1b[1;4m" // bold, underlined
	sgrMarked = "\x1b[1;32m"
	sgrReset  = "\x1b[0m"
)

// terminal renders the header and the rows aligned, fitted to the width, the mark column first.
func (t *Table) terminal() string {
	grid := t.grid()
	widths := t.fit(naturalWidths(grid))
	var b strings.Builder
	for ri, cells := range grid {
		header := ri == 0 && t.hasHeader()
		marked := !header && cells[0].Text == "*" && t.opts.Mark != ""
		last := len(cells) - 1
		for last > 0 && cells[last].Text == "" {
			last-- // no trailing spaces after empty cells
		}
		for i := 0; i <= last; i++ {
			text := termsafe.Truncate(cells[i].Text, widths[i])
			pad := widths[i] - termsafe.Width(text)
			b.WriteString(t.style(header, marked, i, cells[i].Style, text))
			if i < last {
				b.WriteString(strings.Repeat(" ", pad+gap))
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func (t *Table) hasHeader() bool { return len(t.header) > 0 }

// grid is the header and the rows as text, the mark column first when the table has one, every cell within
// the per-cell bound.
func (t *Table) grid() [][]Cell {
	var grid [][]Cell
	add := func(cells []Cell, mark string) {
		var line []Cell
		if t.opts.Mark != "" {
			line = append(line, Cell{Text: mark})
		}
		for _, c := range cells {
			line = append(line, Cell{Text: termsafe.Truncate(c.Text, t.maxCell), Style: c.Style})
		}
		grid = append(grid, line)
	}
	if t.hasHeader() {
		add(plain(t.header), "")
	}
	for _, r := range t.rows {
		mark := ""
		if r.marked {
			mark = "*"
		}
		add(r.cells, mark)
	}
	return grid
}

// style colours a cell when the terminal allows it: the header, the marked row, the cell's or the column's
// own style.
func (t *Table) style(header, marked bool, col int, cellStyle, text string) string {
	if !t.opts.Color || text == "" {
		return text
	}
	switch {
	case header:
		return sgrHeader + text + sgrReset
	case marked:
		return sgrMarked + text + sgrReset
	case cellStyle != "":
		return "\x1b[" + cellStyle + "m" + text + sgrReset
	}
	if c, ok := t.cols[t.dataColumn(col)]; ok && c.color != nil {
		return c.color(text)
	}
	return text
}

// dataColumn maps a printed column to the caller's index (the mark column is not one of theirs).
func (t *Table) dataColumn(col int) int {
	if t.opts.Mark != "" {
		return col - 1
	}
	return col
}

func naturalWidths(grid [][]Cell) []int {
	var widths []int
	for _, cells := range grid {
		for i, c := range cells {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], termsafe.Width(c.Text))
		}
	}
	return widths
}
