// Command panel is a terminal control panel: a Bubble Tea TUI plus scriptable
// subcommands over the WorkOS AuthKit session and the control-panel API.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

// run executes the command line and returns the process exit code
// (0 ok, 1 failure, 4 not signed in or session revoked).
func run(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	f := newFactory(ctx)
	root := newRootCmd(f)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	return reportError(f.IO, err)
}
