// Package services is `panel services`: the current project's services.
package services

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/export"
	"github.com/panel-dev/panel/internal/termsafe"
)

// NewCmdServices returns `panel services` and its verbs.
func NewCmdServices(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "services",
		Aliases: []string{"service"},
		Short:   "List the current project's services",
		Args:    cobra.NoArgs,
	}
	cmd.AddCommand(newListCmd(f, nil))
	return cmd
}

type listOptions struct {
	IO       *cmdutil.IOStreams
	App      func() (*app.App, error)
	Ctx      context.Context
	Exporter *export.Exporter
}

func newListCmd(f *cmdutil.Factory, runF func(*listOptions) error) *cobra.Command {
	opts := &listOptions{IO: f.IO, App: f.App}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the services of the current project, with their app, type and status",
		Long: "List the services of the current project (`panel projects use` picks it), with their app, type\n" +
			"and status. `panel logs tail <name>` follows one of them.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return listRun(opts)
		},
	}
	opts.Exporter = cmdutil.AddExportFlags(cmd, api.Service{})
	return cmd
}

func listRun(opts *listOptions) error {
	ps, err := cmdutil.LoadList(opts.Ctx, opts.IO, opts.App, "Loading services", true,
		func(ctx context.Context, a *app.App) (*app.ProjectServices, error) {
			return a.CurrentProjectServices(ctx)
		})
	if err != nil {
		return err
	}
	if opts.Exporter.Enabled() {
		return opts.IO.Export(opts.Exporter, ps.Services)
	}
	if ps.Project == nil {
		fmt.Fprintln(opts.IO.ErrOut, "This organization has no project, so no service.")
		return nil
	}
	if len(ps.Services) == 0 && opts.IO.Terminal {
		fmt.Fprintf(opts.IO.ErrOut, "Project %s has no service.\n", termsafe.Line(ps.Project.Name))
		return nil
	}
	return cmdutil.ListTable[api.Service]{Columns: []cmdutil.Column[api.Service]{
		{Header: "NAME", Cell: func(_ *cmdutil.Table, s api.Service) string { return s.Name }},
		{Header: "APP", Cell: func(_ *cmdutil.Table, s api.Service) string { return cmdutil.Dash(ps.AppName(s)) }},
		{Header: "TYPE", Cell: func(_ *cmdutil.Table, s api.Service) string { return string(s.Type) }},
		{Header: "STATUS", Cell: func(_ *cmdutil.Table, s api.Service) string { return string(s.Status) }, Whole: true, Status: true},
		{Header: "ID", Cell: func(_ *cmdutil.Table, s api.Service) string { return s.ID }, Whole: true},
		{Header: "UPDATED", Cell: func(t *cmdutil.Table, s api.Service) string { return t.Time(s.UpdatedAt) }},
	}}.Print(opts.IO, ps.Services)
}
