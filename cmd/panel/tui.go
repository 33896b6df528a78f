package main

import (
	"errors"
)

// tuiRun opens the terminal UI. The TUI issue replaces this placeholder.
func tuiRun(f *Factory) error {
	if !f.IO.Terminal {
		return errors.New("the TUI needs a terminal; use a subcommand (see `panel --help`)")
	}
	return errors.New("the TUI is not built yet; see `panel --help` for the commands")
}
