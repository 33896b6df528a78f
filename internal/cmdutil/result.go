package cmdutil

import (
	"fmt"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/export"
)

// PrintResult prints what a command did: v as the export flags ask, else the line format makes of args
// (fields sanitized by the caller).
func PrintResult(ios *IOStreams, e *export.Exporter, v any, format string, args ...any) error {
	if e.Enabled() {
		return ios.Export(e, v)
	}
	fmt.Fprintf(ios.Out, format, args...)
	return nil
}

// PrintSwitchedInto prints a write that switches into an organization once it is done (create one, accept
// an invitation): v, what the write made, as PrintResult does; then err, the switch's failure, if any; else,
// for people, where the switch landed.
func PrintSwitchedInto(ios *IOStreams, e *export.Exporter, v any, res *app.SwitchResult, err error, format string, args ...any) error {
	if perr := PrintResult(ios, e, v, format, args...); perr != nil {
		return perr
	}
	if err != nil {
		return err
	}
	if !e.Enabled() {
		PrintSwitched(ios, res)
	}
	return nil
}
