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
	l, err := cmdutil.LoadList(opts.Ctx, opts.IO, opts.App, "Loading projects", true,
		func(ctx context.Context, a *app.App) (*app.ProjectList, error) { return a.Projects(ctx) })
	if err != nil {
		return err
	}
	return cmdutil.PrintList(opts.IO, opts.Exporter, l.Projects, cmdutil.ListTable[api.Project]{
		Mark:   "current",
		Marked: func(p api.Project) bool { return l.Current != nil && p.ID == l.Current.ID },
		Columns: []cmdutil.Column[api.Project]{
			{Header: "NAME", Cell: func(_ *cmdutil.Table, p api.Project) string { return p.Name }},
			{Header: "ID", Cell: func(_ *cmdutil.Table, p api.Project) string { return p.ID }, Whole: true},
			{Header: "SERVICES", Cell: func(_ *cmdutil.Table, p api.Project) string { return strconv.FormatInt(int64(p.ServiceCount), 10) }},
			{Header: "DEFAULT", Cell: func(_ *cmdutil.Table, p api.Project) string { return defaultLabel(p.ID == l.DefaultID) }},
			{Header: "DESCRIPTION", Cell: func(_ *cmdutil.Table, p api.Project) string { return p.Description }},
		},
	})
}

func defaultLabel(isDefault bool) string {
	if isDefault {
		return "default"
	}
	return ""
}
