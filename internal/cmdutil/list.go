package cmdutil

import (
	"context"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/export"
)

// LoadList is a list command's read: the organization check first when the list belongs to the current
// organization (B23), then fetch under a progress indicator labelled label, alongside the session check (B10).
func LoadList[T any](ctx context.Context, ios *IOStreams, newApp func() (*app.App, error), label string, orgScoped bool,
	fetch func(context.Context, *app.App) (T, error)) (T, error) {
	var rows T
	load := LoadApp
	if orgScoped {
		load = LoadOrgApp
	}
	a, ctx, cancel, err := load(ctx, newApp)
	if err != nil {
		return rows, err
	}
	defer cancel()
	err = ios.WithProgress(label, func() error {
		return WithSessionCheck(ctx, a, false, func(ctx context.Context) error {
			var err error
			rows, err = fetch(ctx, a)
			return err
		})
	})
	return rows, err
}

// Column is one column of a list's table: its header, what a row shows in it, and whether it is never cut
// (ids people copy) or coloured as a status.
type Column[T any] struct {
	Header string
	Cell   func(t *Table, row T) string
	Whole  bool
	Status bool
}

// ListTable is how a list prints as a table: its columns and, for a table that marks rows (the current
// one), the mark's name and which rows carry it.
type ListTable[T any] struct {
	Mark    string
	Marked  func(row T) bool
	Columns []Column[T]
}

// PrintList prints a list command's rows: as the export flags ask, else as the table.
func PrintList[T any](ios *IOStreams, e *export.Exporter, rows []T, lt ListTable[T]) error {
	if e.Enabled() {
		return ios.Export(e, rows)
	}
	return lt.Print(ios, rows)
}

// Print prints rows as the table.
func (lt ListTable[T]) Print(ios *IOStreams, rows []T) error {
	headers := make([]string, len(lt.Columns))
	for i, c := range lt.Columns {
		headers[i] = c.Header
	}
	t := NewMarkedTable(ios, lt.Mark, headers...)
	for i, c := range lt.Columns {
		if c.Whole {
			t.KeepWhole(i)
		}
		if c.Status {
			t.ColorStatus(i)
		}
	}
	cells := make([]string, len(lt.Columns))
	for _, row := range rows {
		for i, c := range lt.Columns {
			cells[i] = c.Cell(t, row)
		}
		t.MarkedRow(lt.Marked != nil && lt.Marked(row), cells...)
	}
	return t.Flush()
}
