package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/internal/cmd/demo"
	"github.com/panel-dev/panel/internal/cmd/login"
	"github.com/panel-dev/panel/internal/cmd/root"
	tuicmd "github.com/panel-dev/panel/internal/cmd/tui"
	"github.com/panel-dev/panel/internal/cmdutil"
)

// The end-to-end tests here drive the whole command tree in this process, as main does; the commands
// themselves live in internal/cmd.

type (
	Factory   = cmdutil.Factory
	IOStreams = cmdutil.IOStreams
)

func newFactory(ctx context.Context) *Factory { return cmdutil.NewFactory(ctx) }

func newRootCmd(f *Factory) *cobra.Command { return root.NewCmdRoot(f, version) }

func reportError(io *IOStreams, err error) int { return cmdutil.ReportError(io, err) }

const (
	exitOK          = cmdutil.ExitOK
	exitFailure     = cmdutil.ExitFailure
	exitNotSignedIn = cmdutil.ExitNotSignedIn
	debugLogName    = cmdutil.DebugLogName
	demoBrowserCmd  = demo.BrowserCommand
)

type loginOptions = login.Options

var (
	openDebugLog = cmdutil.OpenDebugLog
	tuiDeps      = tuicmd.Deps
)

// loginRun runs `panel login` with these options in ctx.
func loginRun(ctx context.Context, opts *loginOptions) error {
	opts.Ctx = ctx
	return login.Run(opts)
}
