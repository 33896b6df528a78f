// Package logout is `panel logout`: end the session and delete the stored tokens.
package logout

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/config"
	"github.com/panel-dev/panel/internal/termsafe"
)

// Options are what `panel logout` needs from the factory.
type Options struct {
	IO     *cmdutil.IOStreams
	Ctx    context.Context
	Config func() (*config.Config, error)
	App    func() (*app.App, error)
}

// NewCmdLogout returns `panel logout`; runF, when set, replaces the run (flag tests).
func NewCmdLogout(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO, Config: f.Config, App: f.App}
	return &cobra.Command{
		Use:   "logout",
		Short: "Sign out: end the session on the server and delete the stored tokens",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Ctx = cmd.Context()
			cfg, err := opts.Config()
			if err != nil {
				return err
			}
			if cfg.Token != "" {
				return auth.ErrTokenFromEnvironment
			}
			if runF != nil {
				return runF(opts)
			}
			return logoutRun(opts)
		},
	}
}

func logoutRun(opts *Options) error {
	ctx := opts.Ctx
	a, err := opts.App()
	if err != nil {
		return err
	}
	res, err := a.SignOut(ctx)
	w := opts.IO.ErrOut
	if err != nil {
		return err
	}
	if !res.WasSignedIn {
		fmt.Fprintln(w, "Not signed in: nothing to sign out of.")
		return nil
	}
	fmt.Fprintf(w, "Signed out %s.\n", termsafe.Line(res.Email))
	if res.ServerSessionEnded {
		fmt.Fprintln(w, "  - ended the session on the server")
	} else {
		fmt.Fprintf(w, "  - could not end the session on the server (%s): it ends when it expires or is revoked\n",
			termsafe.Line(fmt.Sprint(res.ServerError)))
	}
	fmt.Fprintf(w, "  - deleted the tokens from %s\n", res.StorageReason)
	fmt.Fprintln(w, "  - dropped the cached data")
	return nil
}
