package orgs

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/config"
	"github.com/panel-dev/panel/internal/export"
	"github.com/panel-dev/panel/internal/termsafe"
)

type switchOptions struct {
	IO       *cmdutil.IOStreams
	App      func() (*app.App, error)
	Ctx      context.Context
	Config   func() (*config.Config, error)
	Query    string // name, external id, id, or "-" for the previous organization
	Exporter *export.Exporter
}

func newSwitchCmd(f *cmdutil.Factory, runF func(*switchOptions) error) *cobra.Command {
	opts := &switchOptions{IO: f.IO, App: f.App, Config: f.Config}
	cmd := &cobra.Command{
		Use:   "switch <name|id|->",
		Short: "Switch to another organization (- goes back to the previous one)",
		Long: "Switch to another organization: by external id, id, exact name, or a fuzzy match of the name.\n" +
			"When several match, you are asked on a terminal; otherwise the candidates are listed.\n" +
			"'-' switches back to the previous organization. Organizations seen before (`panel orgs list`,\n" +
			"earlier switches) are found without asking the server: the switch is then two round trips.",
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: f.Completion().OrganizationArgs(),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Query = strings.TrimSpace(args[0])
			if opts.Query == "" {
				return errors.New("name which organization to switch to")
			}
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return switchRun(opts)
		},
	}
	opts.Exporter = cmdutil.AddExportFlagsFields(cmd, "organization", "project")
	return cmd
}

func switchRun(opts *switchOptions) error {
	a, ctx, cancel, err := cmdutil.LoadApp(opts.Ctx, opts.App)
	if err != nil {
		return err
	}
	defer cancel()
	target, err := a.ResolveOrganization(ctx, opts.Query)
	var ambiguous *app.AmbiguousOrganizationError
	if errors.As(err, &ambiguous) && opts.IO.Terminal {
		target, err = chooseAmong(opts.IO, ambiguous)
	}
	if err != nil {
		return err
	}
	var res *app.SwitchResult
	err = opts.IO.WithProgress("Switching to "+termsafe.Line(cmdutil.OrganizationLabel(target.Organization)), func() error {
		res, err = a.SwitchTo(ctx, *target, nil)
		return err
	})
	var refused *app.SwitchRefusedError
	if errors.As(err, &refused) {
		res, err = switchThroughBrowser(ctx, opts, a, refused.Organization, refused)
	}
	if err != nil {
		return err
	}
	if opts.Exporter.Enabled() {
		return opts.IO.Export(opts.Exporter, map[string]any{"organization": res.Organization, "project": res.Project})
	}
	cmdutil.PrintSwitched(opts.IO, res)
	return nil
}

// chooseAmong asks on the terminal which of the organizations a name matched
// is meant.
func chooseAmong(ios *cmdutil.IOStreams, ambiguous *app.AmbiguousOrganizationError) (*app.OrganizationMatch, error) {
	labels := make([]string, len(ambiguous.Candidates))
	for i, c := range ambiguous.Candidates {
		labels[i] = cmdutil.OrganizationLabel(c.Organization)
	}
	i, err := cmdutil.Choose(ios, fmt.Sprintf("%q matches several organizations:", ambiguous.Query), labels)
	if err != nil {
		return nil, err
	}
	return &ambiguous.Candidates[i], nil
}

// switchThroughBrowser is the fallback when WorkOS refuses the switch's
// refresh (sso_required, mfa_enrollment, …): a browser sign-in naming the
// organization, then the rest of the switch.
func switchThroughBrowser(ctx context.Context, opts *switchOptions, a *app.App, target api.Organization, refusal error) (*app.SwitchResult, error) {
	cfg, err := opts.Config()
	if err != nil {
		return nil, err
	}
	from, _ := a.CurrentOrganizationID(ctx)
	in, _ := a.Session.Info(ctx)
	why := fmt.Sprintf("%s\nSigning in to %s in the browser.", termsafe.Line(refusal.Error()), termsafe.Line(target.Name))
	if err := cmdutil.SignInThroughBrowser(ctx, opts.IO.ErrOut, cfg.Browser, a, auth.LoginOptions{OrganizationID: target.ExternalID, Email: in.Email}, why); err != nil {
		return nil, err
	}
	return a.CompleteSwitch(ctx, target, from, nil)
}

func asAPIError(err error, target **api.Error) bool { return errors.As(err, target) }
