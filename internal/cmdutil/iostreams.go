package cmdutil

import (
	"io"
	"os"

	"github.com/mattn/go-isatty"

	"github.com/panel-dev/panel/internal/termsafe"
)

// IOStreams are the process's standard streams, swappable in tests.
type IOStreams struct {
	In io.Reader
	// Out and ErrOut reach the terminal through termsafe's guard (B24): whatever a command prints, no
	// control but a line break or a tab gets through. Fields are sanitized where they are formatted too.
	Out    io.Writer
	ErrOut io.Writer
	// RawOut is stdout as is, for the one output that passes server bytes on by request
	// (`logs tail --raw`); nil means Out.
	RawOut io.Writer
	// Terminal reports whether stdin and stdout are a terminal (prompts,
	// confirmations and the TUI need one).
	Terminal bool
}

// SystemIO are the process's own standard streams.
func SystemIO() *IOStreams {
	return &IOStreams{
		In:       os.Stdin,
		Out:      termsafe.NewWriter(os.Stdout),
		ErrOut:   termsafe.NewWriter(os.Stderr),
		RawOut:   os.Stdout,
		Terminal: isatty.IsTerminal(os.Stdin.Fd()) && isatty.IsTerminal(os.Stdout.Fd()),
	}
}

// Raw is the stream for bytes passed on as they came (`logs tail --raw`).
func (s *IOStreams) Raw() io.Writer {
	if s.RawOut != nil {
		return s.RawOut
	}
	return s.Out
}
