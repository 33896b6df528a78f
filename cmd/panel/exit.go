package main

import (
	"errors"
	"fmt"

	"github.com/panel-dev/panel/internal/termsafe"
)

// Exit codes scripts rely on.
const (
	exitOK          = 0
	exitFailure     = 1
	exitNotSignedIn = 4
)

// errSilent ends the command with a failure exit code after the command has
// already said what went wrong.
var errSilent = errors.New("silent failure")

// exitCoder lets an error choose its exit code (auth's login-required and
// session-revoked errors report 4).
type exitCoder interface{ ExitCode() int }

// exitError wraps an error with an explicit exit code.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }
func (e *exitError) ExitCode() int { return e.code }

// exitClassifiers map errors of other packages to exit codes; files that
// wire those packages register here, keeping this file free of their imports.
var exitClassifiers []func(error) (int, bool)

func exitCodeOf(err error) int {
	var ec exitCoder
	if errors.As(err, &ec) {
		return ec.ExitCode()
	}
	for _, classify := range exitClassifiers {
		if code, ok := classify(err); ok {
			return code
		}
	}
	return exitFailure
}

// reportError prints err (unless silent) and returns the exit code.
func reportError(io *IOStreams, err error) int {
	if err == nil {
		return exitOK
	}
	if !errors.Is(err, errSilent) {
		// Error text carries server words (an API message, WorkOS's error_description): sanitized, its
		// own line breaks kept.
		fmt.Fprintln(io.ErrOut, "Error:", termsafe.Text(explain(err)))
	}
	return exitCodeOf(err)
}
