// Package tableprinter prints the CLI's tables: aligned columns separated by two spaces, every cell
// sanitized for the terminal and bounded in width (B24), so a command cannot print a cell raw or let one
// long name push the others off the screen. Widths are measured by grapheme (wide runes count two).
package tableprinter

import (
	"io"
	"strings"

	"github.com/panel-dev/panel/internal/termsafe"
)

// MaxCellWidth bounds a cell unless the table says otherwise: a UUID (36) and an email of ordinary length
// fit; a longer name ends in an ellipsis (--json has it whole).
const MaxCellWidth = 48

// gap is the space between columns.
const gap = 2

// Table collects rows and prints them aligned.
type Table struct {
	w       io.Writer
	maxCell int
	rows    [][]string
}

// New returns a table that prints to w, with the header row first.
func New(w io.Writer, header ...string) *Table {
	t := &Table{w: w, maxCell: MaxCellWidth}
	t.AddRow(header...)
	return t
}

// SetMaxCellWidth changes the bound of every cell (at least 1 column).
func (t *Table) SetMaxCellWidth(n int) { t.maxCell = max(n, 1) }

// AddRow adds a row; cells are sanitized and cut now.
func (t *Table) AddRow(cells ...string) {
	row := make([]string, len(cells))
	for i, c := range cells {
		row[i] = termsafe.Truncate(c, t.maxCell)
	}
	t.rows = append(t.rows, row)
}

// Render writes the table: every column as wide as its widest cell, the last one unpadded.
func (t *Table) Render() error {
	var widths []int
	for _, row := range t.rows {
		for i, c := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], termsafe.Width(c))
		}
	}
	var b strings.Builder
	for _, row := range t.rows {
		for i, c := range row {
			b.WriteString(c)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-termsafe.Width(c)+gap))
			}
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(t.w, b.String())
	return err
}
