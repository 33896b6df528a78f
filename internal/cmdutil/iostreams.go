package cmdutil

import (
	"io"
	"os"
	"strconv"

	"github.com/mattn/go-isatty"
	"golang.org/x/term"

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
	// StdoutTTY: stdout is a terminal, so tables have a header, align and fit Width; otherwise they are
	// tab-separated rows for scripts (output.go).
	StdoutTTY bool
	// Color allows our SGR styling on stdout: a terminal, NO_COLOR unset, TERM not dumb.
	Color bool
	// Width is the terminal's width in columns (0: unknown or not a terminal).
	Width int
	// StyledOut is stdout guarded like Out but letting our SGR styling through (nil: Out).
	StyledOut io.Writer
	// ProgressOut is stderr as is when it is a terminal, for the spinner's redraws (nil: no spinner).
	ProgressOut io.Writer
}

// SystemIO are the process's own standard streams.
func SystemIO() *IOStreams {
	stdoutTTY := isatty.IsTerminal(os.Stdout.Fd())
	forced, forcedWidth := forceTTY(os.Getenv("PANEL_FORCE_TTY"))
	s := &IOStreams{
		In:        os.Stdin,
		Out:       termsafe.NewWriter(os.Stdout),
		ErrOut:    termsafe.NewWriter(os.Stderr),
		RawOut:    os.Stdout,
		Terminal:  isatty.IsTerminal(os.Stdin.Fd()) && stdoutTTY,
		StdoutTTY: stdoutTTY || forced,
		Color:     (stdoutTTY || forced) && colorWanted(os.Getenv),
	}
	if s.StdoutTTY {
		s.StyledOut = termsafe.NewStyledWriter(os.Stdout)
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil { //nolint:gosec // a file descriptor fits an int
			s.Width = w
		}
	}
	if forced && forcedWidth > 0 {
		s.Width = forcedWidth
	}
	if isatty.IsTerminal(os.Stderr.Fd()) {
		s.ProgressOut = os.Stderr
	}
	return s
}

// forceTTY reads PANEL_FORCE_TTY (the GitHub CLI's GH_FORCE_TTY): any value makes stdout's output the
// terminal's (header, alignment, colour) even when it is redirected; a number is the width to fit.
func forceTTY(v string) (bool, int) {
	if v == "" {
		return false, 0
	}
	if n, err := strconv.Atoi(v); err == nil && n > 0 {
		return true, n
	}
	return true, 0
}

// colorWanted: colour unless NO_COLOR is set (to anything) or the terminal says it has none.
func colorWanted(getenv func(string) string) bool {
	return getenv("NO_COLOR") == "" && getenv("TERM") != "dumb"
}

// Raw is the stream for bytes passed on as they came (`logs tail --raw`).
func (s *IOStreams) Raw() io.Writer {
	if s.RawOut != nil {
		return s.RawOut
	}
	return s.Out
}
