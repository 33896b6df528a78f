package projects

import (
	"context"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/export"
)

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
		Short: "List the current organization's projects (current and default marked)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return listRun(opts)
		},
	}
	opts.Exporter = cmdutil.AddExportFlags(cmd, api.Project{})
	return cmd
}

func listRun(opts *listOptions) error {
	a, ctx, cancel, err := cmdutil.LoadApp(opts.Ctx, opts.App)
	if err != nil {
		return err
	}
	defer cancel()
	if _, err := cmdutil.RequireOrganization(ctx, a); err != nil {
		return err
	}
	var l *app.ProjectList
	err = opts.IO.WithProgress("Loading projects", func() error {
		return cmdutil.WithSessionCheck(ctx, a, false, func(ctx context.Context) error {
			l, err = a.Projects(ctx)
			return err
		})
	})
	if err != nil {
		return err
	}
	if opts.Exporter.Enabled() {
		return opts.IO.Export(opts.Exporter, l.Projects)
	}
	t := cmdutil.NewMarkedTable(opts.IO, "current", "NAME", "ID", "SERVICES", "DEFAULT", "DESCRIPTION")
	t.KeepWhole(1)
	for _, p := range l.Projects {
		def := ""
		if p.ID == l.DefaultID {
			def = "default"
		}
		t.MarkedRow(l.Current != nil && p.ID == l.Current.ID, p.Name, p.ID, strconv.FormatInt(int64(p.ServiceCount), 10), def, p.Description)
	}
	return t.Flush()
}
