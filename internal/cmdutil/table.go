package cmdutil

import (
	"io"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/internal/tableprinter"
)

// Table prints aligned columns with a header row; tableprinter sanitizes and bounds every cell.
type Table struct{ tp *tableprinter.Table }

// NewTable starts a table with these column headers.
func NewTable(w io.Writer, headers ...string) *Table {
	return &Table{tp: tableprinter.New(w, headers...)}
}

// Row adds one row.
func (t *Table) Row(cols ...string) { t.tp.AddRow(cols...) }

// Flush prints the table.
func (t *Table) Flush() error { return t.tp.Render() }

// When formats a timestamp for tables ("" when absent).
func When(t api.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006-01-02 15:04")
}

// Dash is s, or "-" when it is empty.
func Dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
