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
	IO   *cmdutil.IOStreams
	App  func() (*app.App, error)
	Ctx  context.Context
	JSON bool
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
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the API's objects as a JSON array")
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
	err = cmdutil.WithSessionCheck(ctx, a, false, func(ctx context.Context) error {
		l, err = a.Projects(ctx)
		return err
	})
	if err != nil {
		return err
	}
	if opts.JSON {
		return cmdutil.PrintJSON(opts.IO.Out, l.Projects)
	}
	t := cmdutil.NewTable(opts.IO.Out, "", "NAME", "ID", "SERVICES", "DEFAULT", "DESCRIPTION")
	for _, p := range l.Projects {
		mark, def := "", ""
		if l.Current != nil && p.ID == l.Current.ID {
			mark = "*"
		}
		if p.ID == l.DefaultID {
			def = "default"
		}
		t.Row(mark, p.Name, p.ID, strconv.FormatInt(int64(p.ServiceCount), 10), def, p.Description)
	}
	return t.Flush()
}

type useOptions struct {
	IO    *cmdutil.IOStreams
	App   func() (*app.App, error)
	Ctx   context.Context
	Query string
	JSON  bool
}

func newUseCmd(f *cmdutil.Factory, runF func(*useOptions) error) *cobra.Command {
	opts := &useOptions{IO: f.IO, App: f.App}
	cmd := &cobra.Command{
		Use:   "use <name|id>",
		Short: "Make a project current (sent as x-koyeb-project-id on every request)",
		Args:  cobra.ExactArgs(1),
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
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the project as JSON")
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
	if opts.JSON {
		return cmdutil.PrintJSON(opts.IO.Out, p)
	}
	fmt.Fprintf(opts.IO.Out, "Current project: %s (%s)\n", termsafe.Line(p.Name), termsafe.Line(p.ID))
	return nil
}
