package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/termsafe"
)

func init() { subcommands = append(subcommands, newProjectsCmd) }

func newProjectsCmd(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "projects",
		Aliases: []string{"project"},
		Short:   "List the organization's projects and pick the current one",
		Args:    cobra.NoArgs,
	}
	cmd.AddCommand(newProjectsListCmd(f, nil), newProjectsUseCmd(f, nil))
	return cmd
}

type projectsListOptions struct {
	f    *Factory
	JSON bool
}

func newProjectsListCmd(f *Factory, runF func(*projectsListOptions) error) *cobra.Command {
	opts := &projectsListOptions{f: f}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the current organization's projects (current and default marked)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(opts)
			}
			return projectsListRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the API's objects as a JSON array")
	return cmd
}

func projectsListRun(opts *projectsListOptions) error {
	a, ctx, cancel, err := loadApp(opts.f)
	if err != nil {
		return err
	}
	defer cancel()
	if _, err := requireOrganization(ctx, a); err != nil {
		return err
	}
	var l *app.ProjectList
	err = withSessionCheck(ctx, a, false, func(ctx context.Context) error {
		l, err = a.Projects(ctx)
		return err
	})
	if err != nil {
		return err
	}
	if opts.JSON {
		return printJSON(opts.f.IO.Out, l.Projects)
	}
	t := newTable(opts.f.IO.Out, "", "NAME", "ID", "SERVICES", "DEFAULT", "DESCRIPTION")
	for _, p := range l.Projects {
		mark, def := "", ""
		if l.Current != nil && p.ID == l.Current.ID {
			mark = "*"
		}
		if p.ID == l.DefaultID {
			def = "default"
		}
		t.row(mark, p.Name, p.ID, strconv.FormatInt(int64(p.ServiceCount), 10), def, p.Description)
	}
	return t.flush()
}

type projectsUseOptions struct {
	f     *Factory
	Query string
	JSON  bool
}

func newProjectsUseCmd(f *Factory, runF func(*projectsUseOptions) error) *cobra.Command {
	opts := &projectsUseOptions{f: f}
	cmd := &cobra.Command{
		Use:   "use <name|id>",
		Short: "Make a project current (sent as x-koyeb-project-id on every request)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Query = strings.TrimSpace(args[0])
			if opts.Query == "" {
				return errors.New("name which project to use")
			}
			if runF != nil {
				return runF(opts)
			}
			return projectsUseRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the project as JSON")
	return cmd
}

func projectsUseRun(opts *projectsUseOptions) error {
	a, ctx, cancel, err := loadApp(opts.f)
	if err != nil {
		return err
	}
	defer cancel()
	orgID, err := requireOrganization(ctx, a)
	if err != nil {
		return err
	}
	var p *api.Project
	err = withSessionCheck(ctx, a, false, func(ctx context.Context) error {
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
		return printJSON(opts.f.IO.Out, p)
	}
	fmt.Fprintf(opts.f.IO.Out, "Current project: %s (%s)\n", termsafe.Line(p.Name), termsafe.Line(p.ID))
	return nil
}
