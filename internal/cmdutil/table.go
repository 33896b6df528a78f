package cmdutil

import (
	"time"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/internal/export"
	"github.com/panel-dev/panel/internal/tableprinter"
)

// Table prints a list for a terminal (header, alignment, fitted to the width) or for a pipe
// (tab-separated rows); tableprinter sanitizes every cell.
type Table struct {
	tp  *tableprinter.Table
	tty bool
}

// NewTable starts a table with these column headers on the streams' stdout.
func NewTable(ios *IOStreams, headers ...string) *Table {
	return NewMarkedTable(ios, "", headers...)
}

// NewMarkedTable starts a table whose rows may be marked (the current one): `*` in front on a terminal, the
// word mark in a last column of its own in a pipe.
func NewMarkedTable(ios *IOStreams, mark string, headers ...string) *Table {
	return &Table{tp: tableprinter.NewFor(ios.styled(), ios.TableOptions(mark), headers...), tty: ios.StdoutTTY}
}

// ColorStatus colours column i by the status it holds, on a colour terminal: live ones green, ones that
// need attention yellow, ended ones red.
func (t *Table) ColorStatus(i int) { t.tp.SetColor(i, statusColor) }

func statusColor(s string) string {
	code := ""
	switch s {
	case "ACTIVE", "HEALTHY", "ACCEPTED", "owner":
		code = "32"
	case "WARNING", "LOCKED", "DEGRADED", "STARTING", "PENDING", "RESUMING", "DEACTIVATING", "UNHEALTHY":
		code = "33"
	case "DEACTIVATED", "DELETING", "DELETED", "ERROR", "EXPIRED", "REFUSED", "PAUSED":
		code = "31"
	}
	if code == "" {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

// Time formats a timestamp for the table as the GitHub CLI does: how long ago (or until) in words for people
// on a terminal, RFC 3339 (UTC) for scripts in a pipe, "" when absent.
func (t *Table) Time(at api.Time) string {
	if at.IsZero() {
		return ""
	}
	if !t.tty {
		return at.UTC().Format(time.RFC3339)
	}
	return export.Ago(at.Time)
}

// KeepWhole says column i is never cut to fit the terminal (ids people copy).
func (t *Table) KeepWhole(i int) { t.tp.KeepWhole(i) }

// Row adds one row.
func (t *Table) Row(cols ...string) { t.tp.AddRow(cols...) }

// MarkedRow adds one row, marked when marked is true.
func (t *Table) MarkedRow(marked bool, cols ...string) { t.tp.AddMarkedRow(marked, cols...) }

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
