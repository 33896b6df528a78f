// Package tableprinter prints the CLI's tables the way the GitHub CLI does. On a terminal: a header, columns
// aligned and separated by two spaces, the whole row fitted to the terminal's width (long cells end in an
// ellipsis), colour when allowed. Piped: one tab-separated line per row, no header, no padding, no colour, no
// cut, so `cut -f1` and `awk -F'\t'` see the data. A marked row (the current organization) gets a column of its
// own: `*` in front on a terminal, a word at the end when piped. Every cell is sanitized for the terminal in
// both modes (B24), so a command cannot print a cell raw.
package tableprinter

import (
	"io"
	"strings"

	"github.com/panel-dev/panel/internal/termsafe"
)

// MaxCellWidth bounds a cell on a terminal unless the table says otherwise: a UUID (36) and an email of
// ordinary length fit; a longer name ends in an ellipsis (--json has it whole).
const MaxCellWidth = 48

// gap is the space between columns on a terminal.
const gap = 2

// Options say where a table goes.
type Options struct {
	// TTY is a terminal: header, alignment, fitting to Width, colour. Otherwise rows are tab-separated.
	TTY bool
	// Width is the terminal's width in columns; 0 fits nothing (only the per-cell bound applies).
	Width int
	// Color allows SGR styling (a terminal without NO_COLOR).
	Color bool
	// Mark names the marked rows' column when piped (e.g. "current"); empty means the table has no marks.
	Mark string
}

// Table collects rows and prints them for a terminal or a pipe.
type Table struct {
	w       io.Writer
	opts    Options
	maxCell int
	header  []string
	rows    []row
	cols    map[int]column
}

type row struct {
	cells  []Cell
	marked bool
}

// Cell is a cell with a style of its own: SGR parameters (e.g. "32;1") applied on a colour terminal.
type Cell struct {
	Text  string
	Style string
}

type column struct {
	keep  bool                // never cut to fit the width (ids that scripts and people copy)
	color func(string) string // styling of the column's cells on a colour terminal
}

// New returns a terminal table as the CLI had it before it knew where it printed: a header and aligned
// columns, no fitting, no colour.
func New(w io.Writer, header ...string) *Table {
	return NewFor(w, Options{TTY: true}, header...)
}

// NewFor returns a table for the destination o describes, with this header (printed on a terminal only).
func NewFor(w io.Writer, o Options, header ...string) *Table {
	return &Table{w: w, opts: o, maxCell: MaxCellWidth, header: header, cols: map[int]column{}}
}

// SetMaxCellWidth changes the bound of every cell on a terminal (at least 1 column).
func (t *Table) SetMaxCellWidth(n int) { t.maxCell = max(n, 1) }

// KeepWhole says column i is never cut to fit the terminal's width (the other columns give way).
func (t *Table) KeepWhole(i int) {
	c := t.cols[i]
	c.keep = true
	t.cols[i] = c
}

// SetColor styles column i's cells on a colour terminal; style gets the sanitized, cut text.
func (t *Table) SetColor(i int, style func(string) string) {
	c := t.cols[i]
	c.color = style
	t.cols[i] = c
}

// AddRow adds an unmarked row.
func (t *Table) AddRow(cells ...string) { t.rows = append(t.rows, row{cells: plain(cells)}) }

// AddMarkedRow adds a row, marked when marked is true (see Options.Mark).
func (t *Table) AddMarkedRow(marked bool, cells ...string) {
	t.rows = append(t.rows, row{cells: plain(cells), marked: marked})
}

// AddCells adds an unmarked row of cells that may carry their own style.
func (t *Table) AddCells(cells ...Cell) { t.rows = append(t.rows, row{cells: cells}) }

func plain(cells []string) []Cell {
	out := make([]Cell, len(cells))
	for i, c := range cells {
		out[i] = Cell{Text: c}
	}
	return out
}

// Render writes the table.
func (t *Table) Render() error {
	var out string
	if t.opts.TTY {
		out = t.terminal()
	} else {
		out = t.piped()
	}
	_, err := io.WriteString(t.w, out)
	return err
}

// piped is one line per row, cells whole and sanitized (a tab in data becomes spaces, so it cannot split a
// field), joined by tabs; the mark, if the table has one, is the last field.
func (t *Table) piped() string {
	var b strings.Builder
	for _, r := range t.rows {
		for i, c := range r.cells {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(termsafe.Line(c.Text))
		}
		if t.opts.Mark != "" {
			b.WriteByte('\t')
			if r.marked {
				b.WriteString(t.opts.Mark)
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}
