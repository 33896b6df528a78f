// Package sso is `panel sso`: sign in to Canny or Discourse with the panel account.
package sso

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/config"
)

// NewCmdSSO returns `panel sso` and its verbs.
func NewCmdSSO(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sso",
		Short: "Sign in to Canny or Discourse with your panel account",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(newCannyCmd(f, nil), newDiscourseCmd(f, nil))
	return cmd
}

// ensureSignedIn signs in through the browser first when nobody is (B22
// "authenticate if needed"), on a terminal or with BROWSER set.
func ensureSignedIn(ctx context.Context, ios *cmdutil.IOStreams, config func() (*config.Config, error), a *app.App, site string) error {
	_, err := a.Session.Info(ctx)
	if !errors.Is(err, auth.ErrLoginRequired) {
		return err
	}
	cfg, cerr := config()
	if cerr != nil || (!ios.Terminal && cfg.Browser == "") {
		return err
	}
	return cmdutil.SignInThroughBrowser(ctx, ios.ErrOut, cfg.Browser, a, auth.LoginOptions{}, "Sign in to panel first to continue to "+site+".")
}

func openOrPrint(ctx context.Context, ios *cmdutil.IOStreams, config func() (*config.Config, error), u string, print bool) error {
	if print {
		_, err := fmt.Fprintln(ios.Out, u)
		return err
	}
	cfg, err := config()
	if err != nil {
		return err
	}
	return openThroughHandoff(ctx, ios, cfg.Browser, u)
}
