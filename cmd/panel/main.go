// Command panel is a terminal control panel: a Bubble Tea TUI plus scriptable
// subcommands over the WorkOS AuthKit session and the control-panel API.
// The commands live in internal/cmd, one package per noun, and what they share in internal/cmdutil.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/cmd/root"
	"github.com/panel-dev/panel/internal/cmdutil"
)

// version is stamped at build time: -ldflags "-X main.version=v1.2.3".
var version = "dev"

func main() {
	growStack()
	os.Exit(run(os.Args[1:]))
}

// run executes the command line and returns the process exit code
// (0 ok, 1 failure, 4 not signed in or session revoked). A signal (Ctrl-C,
// SIGTERM, a closed terminal's SIGHUP) cancels the command, but a token
// exchange already sent is finished and stored before the process exits:
// its refresh token is spent, and only the stored answer keeps the session.
func run(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	f := cmdutil.NewFactory(ctx)
	cmd := root.NewCmdRootFor(f, version, args)
	cmd.SetArgs(args)
	err := cmd.ExecuteContext(ctx)
	code := cmdutil.ReportError(f.IO, err)
	app.FinishExchanges(f.RequestTimeout, func() { fmt.Fprintln(f.IO.ErrOut, app.FinishingNotice) })
	f.EndDebugLog(code, err)
	return code
}
