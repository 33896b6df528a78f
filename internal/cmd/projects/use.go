package projects

import (
	"context"
	"errors"
	"strings"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/export"
	"github.com/panel-dev/panel/internal/termsafe"
)

type useOptions struct {
	IO       *cmdutil.IOStreams
	App      func() (*app.App, error)
	Ctx      context.Context
	Query    string
	Exporter *export.Exporter
}

func newUseCmd(f *cmdutil.Factory, runF func(*useOptions) error) *cobra.Command {
	opts := &useOptions{IO: f.IO, App: f.App}
	cmd := &cobra.Command{
		Use:               "use <name|id>",
		ValidArgsFunction: f.Completion().Args(app.NamesProjects),
		Short:             "Make a project current (sent as x-koyeb-project-id on every request)",
		Args:              cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Query = strings.TrimSpace(args[0])
			if opts.Query == "" {
				return errors.New("name which project to use")
			}
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return useRun(opts)
		},
	}
	opts.Exporter = cmdutil.AddExportFlags(cmd, api.Project{})
	return cmd
}

func useRun(opts *useOptions) error {
	a, ctx, cancel, err := cmdutil.LoadApp(opts.Ctx, opts.App)
	if err != nil {
		return err
	}
	defer cancel()
	orgID, err := cmdutil.RequireOrganization(ctx, a)
	if err != nil {
		return err
	}
	var p *api.Project
	err = cmdutil.WithSessionCheck(ctx, a, false, func(ctx context.Context) error {
		p, err = a.FindProject(ctx, opts.Query)
		return err
	})
	if err != nil {
		return err
	}
	if err := a.UseProject(orgID, p); err != nil {
		return err
	}
	return cmdutil.PrintResult(opts.IO, opts.Exporter, p, "Current project: %s (%s)\n", termsafe.Line(p.Name), termsafe.Line(p.ID))
}
