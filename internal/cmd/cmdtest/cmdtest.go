// Package cmdtest helps the commands' flag tests: a factory that builds nothing and a command that
// prints nothing.
package cmdtest

import (
	"context"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/internal/cmdutil"
)

// Factory has empty streams and no app: a flag test's runF never reaches them.
func Factory() *cmdutil.Factory {
	return &cmdutil.Factory{Ctx: context.Background(), IO: &cmdutil.IOStreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard}}
}

// Quiet keeps cobra's usage text out of the test output.
func Quiet(cmd *cobra.Command) *cobra.Command {
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	return cmd
}
