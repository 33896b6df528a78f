// Package projects is `panel projects`: list the organization's projects and pick the current one.
package projects

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/export"
	"github.com/panel-dev/panel/internal/termsafe"
)

// NewCmdProjects returns `panel projects` and its verbs.
func NewCmdProjects(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "projects",
		Aliases: []string{"project"},
		Short:   "List the organization's projects and pick the current one",
		Args:    cobra.NoArgs,
	}
	cmd.AddCommand(newListCmd(f, nil), newUseCmd(f, nil))
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
	if opts.Exporter.Enabled() {
		return opts.IO.Export(opts.Exporter, p)
	}
	fmt.Fprintf(opts.IO.Out, "Current project: %s (%s)\n", termsafe.Line(p.Name), termsafe.Line(p.ID))
	return nil
}
