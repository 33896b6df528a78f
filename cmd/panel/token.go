package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/auth"
)

func init() {
	subcommands = append(subcommands, func(f *Factory) *cobra.Command { return newTokenCmd(f, nil) })
}

type tokenOptions struct {
	IO      *IOStreams
	Session func() (*auth.Session, error)
}

func newTokenCmd(f *Factory, runF func(context.Context, *tokenOptions) error) *cobra.Command {
	opts := &tokenOptions{IO: f.IO, Session: f.Session}
	return &cobra.Command{
		Use:   "token",
		Short: "Print a valid access token (refreshed when needed) and nothing else",
		Long: "Prints the current access token on stdout, refreshing it first when it expires within 10 seconds.\n" +
			"Meant for scripts: curl -H \"Authorization: Bearer $(panel token)\" .... Exits 4 when not signed in.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return tokenRun(cmd.Context(), opts)
		},
	}
}

func tokenRun(ctx context.Context, opts *tokenOptions) error {
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
