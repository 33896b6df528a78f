package main

import (
	"io"
	"os"

	"github.com/mattn/go-isatty"
)

// IOStreams are the process's standard streams, swappable in tests.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// Terminal reports whether stdin and stdout are a terminal (prompts,
	// confirmations and the TUI need one).
	Terminal bool
}

func systemIO() *IOStreams {
	return &IOStreams{
		In:       os.Stdin,
		Out:      os.Stdout,
		ErrOut:   os.Stderr,
		Terminal: isatty.IsTerminal(os.Stdin.Fd()) && isatty.IsTerminal(os.Stdout.Fd()),
	}
}
