package orgs

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/export"
	"github.com/panel-dev/panel/internal/termsafe"
)

type createOptions struct {
	IO       *cmdutil.IOStreams
	App      func() (*app.App, error)
	Ctx      context.Context
	Name     string
	Exporter *export.Exporter
}

func newCreateCmd(f *cmdutil.Factory, runF func(*createOptions) error) *cobra.Command {
	opts := &createOptions{IO: f.IO, App: f.App}
	cmd := &cobra.Command{
		Use:   "create <name>",
		Short: "Create an organization and switch into it",
		Long: "Create an organization and switch into it. Names have 1 to 39 characters: lowercase letters,\n" +
			"digits and '-', starting and ending with a letter or digit, without \"--\".",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Name = args[0]
			if err := api.ValidateOrganizationName(opts.Name); err != nil {
				return fmt.Errorf("invalid organization name %q: %w", opts.Name, err)
			}
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return createRun(opts)
		},
	}
	opts.Exporter = cmdutil.AddExportFlags(cmd, api.Organization{})
	return cmd
}

func createRun(opts *createOptions) error {
	a, ctx, cancel, err := cmdutil.LoadApp(opts.Ctx, opts.App)
	if err != nil {
		return err
	}
	defer cancel()
	var org *api.Organization
	var res *app.SwitchResult
	err = cmdutil.WithSessionCheck(ctx, a, true, func(ctx context.Context) error {
		org, res, err = a.CreateOrganization(ctx, opts.Name, nil)
		return err
	})
	if org == nil {
		return fieldErrors(err, "name")
	}
	return cmdutil.PrintSwitchedInto(opts.IO, opts.Exporter, org, res, err,
		"Created organization %s (%s)\n", termsafe.Line(org.Name), termsafe.Line(org.ExternalID))
}

// fieldErrors names the input the API blamed (B21: errors next to their input).
func fieldErrors(err error, input string) error {
	var ae *api.Error
	if !asAPIError(err, &ae) || len(ae.Fields) == 0 {
		return err
	}
	var lines []string
	for _, fe := range ae.Fields {
		lines = append(lines, fmt.Sprintf("  %s: %s", termsafe.Line(cmdutil.Dash(fe.Field)), termsafe.Line(fe.Description)))
	}
	return fmt.Errorf("the API refused the %s:\n%s", input, strings.Join(lines, "\n"))
}
