// Package token is `panel token`: a valid access token for scripts.
package token

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/internal/cmdutil"
)

// Options are what `panel token` needs from the factory.
type Options struct {
	IO      *cmdutil.IOStreams
	Ctx     context.Context
	Session func() (*auth.Session, error)
}

// NewCmdToken returns `panel token`; runF, when set, replaces the run (flag tests).
func NewCmdToken(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO, Session: f.Session}
	return &cobra.Command{
		Use:   "token",
		Short: "Print a valid access token (refreshed when needed) and nothing else",
		Long: "Prints the current access token on stdout, refreshing it first when it expires within 10 seconds.\n" +
			"Meant for scripts: curl -H \"Authorization: Bearer $(panel token)\" .... Exits 4 when not signed in.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return tokenRun(opts)
		},
	}
}

func tokenRun(opts *Options) error {
	ctx := opts.Ctx
	s, err := opts.Session()
	if err != nil {
		return err
	}
	tok, err := s.Token(ctx)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(opts.IO.Out, tok)
	return err
}
