package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/termsafe"
)

func init() { subcommands = append(subcommands, newServicesCmd) }

func newServicesCmd(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "services",
		Aliases: []string{"service"},
		Short:   "List the current project's services",
		Args:    cobra.NoArgs,
	}
	cmd.AddCommand(newServicesListCmd(f, nil))
	return cmd
}

type servicesListOptions struct {
	f    *Factory
	JSON bool
}

func newServicesListCmd(f *Factory, runF func(*servicesListOptions) error) *cobra.Command {
	opts := &servicesListOptions{f: f}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the services of the current project, with their app, type and status",
		Long: "List the services of the current project (`panel projects use` picks it), with their app, type\n" +
			"and status. `panel logs tail <name>` follows one of them.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(opts)
			}
			return servicesListRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the API's service objects as a JSON array")
	return cmd
}

func servicesListRun(opts *servicesListOptions) error {
	a, ctx, cancel, err := loadApp(opts.f)
	if err != nil {
		return err
	}
	defer cancel()
	if _, err := requireOrganization(ctx, a); err != nil {
		return err
	}
	var ps *app.ProjectServices
	err = withSessionCheck(ctx, a, false, func(ctx context.Context) error {
		ps, err = a.CurrentProjectServices(ctx)
		return err
	})
	if err != nil {
		return err
	}
	if opts.JSON {
		return printJSON(opts.f.IO.Out, ps.Services)
	}
	if ps.Project == nil {
		fmt.Fprintln(opts.f.IO.ErrOut, "This organization has no project, so no service.")
		return nil
	}
	if len(ps.Services) == 0 && opts.f.IO.Terminal {
		fmt.Fprintf(opts.f.IO.ErrOut, "Project %s has no service.\n", termsafe.Line(ps.Project.Name))
		return nil
	}
	t := newTable(opts.f.IO.Out, "NAME", "APP", "TYPE", "STATUS", "ID", "UPDATED")
	for _, s := range ps.Services {
		t.row(s.Name, dash(ps.AppName(s)), string(s.Type), string(s.Status), s.ID, when(s.UpdatedAt))
	}
	return t.flush()
}

// resolveService finds the service a logs command names: on a terminal, an
// ambiguous name asks which one; elsewhere it fails listing the candidates.
func resolveService(ctx context.Context, ios *IOStreams, a *app.App, query string) (*api.Service, error) {
	s, _, err := a.ResolveService(ctx, query)
	var amb *app.AmbiguousServiceError
	if !errors.As(err, &amb) || !ios.Terminal {
		return s, err // explain.go lists the candidates
	}
	i, cerr := choose(ios, fmt.Sprintf("%q is the name of several services:", query), serviceLabels(amb))
	if cerr != nil {
		return nil, cerr
	}
	return a.API.GetService(ctx, amb.Candidates[i].ID)
}

// serviceLabels are the candidates of an ambiguous service name, "app/service (id)", sanitized.
func serviceLabels(amb *app.AmbiguousServiceError) []string {
	labels := make([]string, len(amb.Candidates))
	for i, c := range amb.Candidates {
		labels[i] = termsafe.Line(c.Label) + " (" + termsafe.Line(c.ID) + ")"
	}
	return labels
}
