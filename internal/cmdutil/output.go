package cmdutil

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/internal/export"
	"github.com/panel-dev/panel/internal/progress"
	"github.com/panel-dev/panel/internal/tableprinter"
)

// The output conventions of the GitHub CLI: on a terminal, tables have a header, align, fit the width and
// may be coloured; piped, they are tab-separated rows with no header, padding or colour, and a marked row
// (the current organization or project) gets a column of its own at the end. Every command that prints data
// takes --json[=FIELDS], --jq and --template (internal/export). A wait longer than progress.Delay shows a
// spinner on a terminal's stderr.

// styled is the stream for output that may hold our SGR styling.
func (s *IOStreams) styled() io.Writer {
	if s.Color && s.StyledOut != nil {
		return s.StyledOut
	}
	return s.Out
}

// TableOptions say how a table prints on these streams; mark names the marked rows' column in a pipe.
func (s *IOStreams) TableOptions(mark string) tableprinter.Options {
	return tableprinter.Options{TTY: s.StdoutTTY, Width: s.Width, Color: s.Color && s.StyledOut != nil, Mark: mark}
}

// ExportOutput is where --json, --jq and --template print.
func (s *IOStreams) ExportOutput() export.Output {
	return export.Output{W: s.styled(), TTY: s.StdoutTTY, Color: s.Color && s.StyledOut != nil, Width: s.Width}
}

// StartProgress shows label with a spinner on stderr if the wait lasts (a terminal only); Stop it before
// printing.
func (s *IOStreams) StartProgress(label string) *progress.Indicator {
	return progress.Start(s.ProgressOut, s.ProgressOut != nil, progress.Delay, label)
}

// AddExportFlags adds --json[=FIELDS], --jq and --template to a command that prints objects of sample's type
// (its JSON field names are the fields --json accepts).
func AddExportFlags(cmd *cobra.Command, sample any) *export.Exporter {
	return export.AddFlags(cmd, export.FieldsOf(sample))
}

// AddExportFlagsFields is AddExportFlags for output that is not one struct type: the fields are named.
func AddExportFlagsFields(cmd *cobra.Command, fields ...string) *export.Exporter {
	return export.AddFlags(cmd, fields)
}

// Export prints data as the export flags asked.
func (s *IOStreams) Export(e *export.Exporter, data any) error {
	return e.Write(s.ExportOutput(), data)
}

// WithProgress runs wait with a spinner labelled label on a terminal's stderr (shown only if the wait lasts
// longer than progress.Delay) and erases it before returning.
func (s *IOStreams) WithProgress(label string, wait func() error) error {
	ind := s.StartProgress(label)
	defer ind.Stop()
	return wait()
}
