package cmdutil

import (
	"errors"
	"fmt"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/internal/termsafe"
)

// Exit codes scripts rely on.
const (
	ExitOK          = 0
	ExitFailure     = 1
	ExitNotSignedIn = 4
)

// ErrSilent ends the command with a failure exit code after the command has
// already said what went wrong.
var ErrSilent = errors.New("silent failure")

// exitCoder lets an error choose its exit code.
type exitCoder interface{ ExitCode() int }

// ExitError wraps an error with an explicit exit code.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string { return e.Err.Error() }
func (e *ExitError) Unwrap() error { return e.Err }

// ExitCode is the process's exit code for this error.
func (e *ExitError) ExitCode() int { return e.Code }

// ExitCodeOf is the exit code for err: its own when it has one; 4 when nobody is signed in or the
// session was revoked; else 1.
func ExitCodeOf(err error) int {
	var ec exitCoder
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ec):
		return ec.ExitCode()
	case errors.Is(err, auth.ErrLoginRequired) || errors.Is(err, auth.ErrSessionRevoked):
		return ExitNotSignedIn
	}
	return ExitFailure
}

// ReportError prints err (unless silent) and returns the exit code.
func ReportError(io *IOStreams, err error) int {
	if err == nil {
		return ExitOK
	}
	if !errors.Is(err, ErrSilent) {
		// Error text carries server words (an API message, WorkOS's error_description): sanitized, its
		// own line breaks kept.
		fmt.Fprintln(io.ErrOut, "Error:", termsafe.Text(Explain(err)))
	}
	return ExitCodeOf(err)
}
