package sso

import (
	"context"
	"errors"
	"net/url"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/config"
	"github.com/panel-dev/panel/internal/export"
)

type cannyOptions struct {
	IO        *cmdutil.IOStreams
	App       func() (*app.App, error)
	Ctx       context.Context
	Config    func() (*config.Config, error)
	CompanyID string
	Redirect  string
	Print     bool
	Exporter  *export.Exporter
}

func newCannyCmd(f *cmdutil.Factory, runF func(*cannyOptions) error) *cobra.Command {
	opts := &cannyOptions{IO: f.IO, App: f.App, Config: f.Config}
	cmd := &cobra.Command{
		Use:   "canny --company-id ID --redirect URL",
		Short: "Open Canny signed in as you",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.CompanyID == "" || opts.Redirect == "" {
				return errors.New("--company-id and --redirect are required (Canny sends both)")
			}
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return cannyRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.CompanyID, "company-id", "", "Canny's companyID")
	cmd.Flags().StringVar(&opts.Redirect, "redirect", "", "where Canny sends you afterwards")
	cmd.Flags().BoolVar(&opts.Print, "print", false, "print the URL instead of opening it")
	opts.Exporter = cmdutil.AddExportFlagsFields(cmd, "token", "url")
	return cmd
}

func cannyRun(opts *cannyOptions) error {
	a, ctx, cancel, err := cmdutil.LoadApp(opts.Ctx, opts.App)
	if err != nil {
		return err
	}
	defer cancel()
	if err := ensureSignedIn(ctx, opts.IO, opts.Config, a, "Canny"); err != nil {
		return err
	}
	token, err := a.API.CannyAuth(ctx)
	if err != nil {
		return err
	}
	q := url.Values{"companyID": {opts.CompanyID}, "redirect": {opts.Redirect}, "ssoToken": {token}}
	u := "https://canny.io/api/redirects/sso?" + q.Encode()
	if opts.Exporter.Enabled() {
		return opts.IO.Export(opts.Exporter, map[string]string{"token": token, "url": u})
	}
	return openOrPrint(opts.Ctx, opts.IO, opts.Config, u, opts.Print)
}
