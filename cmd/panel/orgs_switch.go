package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/internal/termsafe"
)

type orgsSwitchOptions struct {
	f     *Factory
	Query string // name, external id, id, or "-" for the previous organization
	JSON  bool
}

func newOrgsSwitchCmd(f *Factory, runF func(*orgsSwitchOptions) error) *cobra.Command {
	opts := &orgsSwitchOptions{f: f}
	cmd := &cobra.Command{
		Use:   "switch <name|id|->",
		Short: "Switch to another organization (- goes back to the previous one)",
		Long: "Switch to another organization: by external id, id, exact name, or a fuzzy match of the name.\n" +
			"When several match, you are asked on a terminal; otherwise the candidates are listed.\n" +
			"'-' switches back to the previous organization. Organizations seen before (`panel orgs list`,\n" +
			"earlier switches) are found without asking the server: the switch is then two round trips.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Query = strings.TrimSpace(args[0])
			if opts.Query == "" {
				return errors.New("name which organization to switch to")
			}
			if runF != nil {
				return runF(opts)
			}
			return orgsSwitchRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, `print {"organization": ..., "project": ...} as JSON`)
	return cmd
}

func orgsSwitchRun(opts *orgsSwitchOptions) error {
	a, ctx, cancel, err := loadApp(opts.f)
	if err != nil {
		return err
	}
	defer cancel()
	target, err := a.ResolveOrganization(ctx, opts.Query)
	var ambiguous *app.AmbiguousOrganizationError
	if errors.As(err, &ambiguous) && opts.f.IO.Terminal {
		target, err = chooseAmong(opts.f.IO, ambiguous)
	}
	if err != nil {
		return err
	}
	res, err := a.SwitchTo(ctx, *target, nil)
	var refused *app.SwitchRefusedError
	if errors.As(err, &refused) {
		res, err = switchThroughBrowser(ctx, opts.f, a, refused.Organization, refused)
	}
	if err != nil {
		return err
	}
	if opts.JSON {
		return printJSON(opts.f.IO.Out, map[string]any{"organization": res.Organization, "project": res.Project})
	}
	printSwitched(opts.f, res)
	return nil
}

// chooseAmong asks on the terminal which of the organizations a name matched
// is meant.
func chooseAmong(ios *IOStreams, ambiguous *app.AmbiguousOrganizationError) (*app.OrganizationMatch, error) {
	labels := make([]string, len(ambiguous.Candidates))
	for i, c := range ambiguous.Candidates {
		labels[i] = organizationLabel(c.Organization)
	}
	i, err := choose(ios, fmt.Sprintf("%q matches several organizations:", ambiguous.Query), labels)
	if err != nil {
		return nil, err
	}
	return &ambiguous.Candidates[i], nil
}

// switchThroughBrowser is the fallback when WorkOS refuses the switch's
// refresh (sso_required, mfa_enrollment, …): a browser sign-in naming the
// organization, then the rest of the switch.
func switchThroughBrowser(ctx context.Context, f *Factory, a *app.App, target api.Organization, refusal error) (*app.SwitchResult, error) {
	from, _ := a.CurrentOrganizationID(ctx)
	in, _ := a.Session.Info(ctx)
	why := fmt.Sprintf("%s\nSigning in to %s in the browser.", termsafe.Line(refusal.Error()), termsafe.Line(target.Name))
	if err := signInThroughBrowser(ctx, f, a, auth.LoginOptions{OrganizationID: target.ExternalID, Email: in.Email}, why); err != nil {
		return nil, err
	}
	return a.CompleteSwitch(ctx, target, from, nil)
}

// signInThroughBrowser runs a browser sign-in from inside a command (the
// switch fallback, an SSO command that needs a session): it prints why and
// the URL, opens the browser and waits.
func signInThroughBrowser(ctx context.Context, f *Factory, a *app.App, o auth.LoginOptions, why string) error {
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	bl, err := a.Session.BeginBrowserLogin(ctx, o)
	if err != nil {
		return fmt.Errorf("%s\nThe browser sign-in could not start: %w", why, err)
	}
	defer bl.Close()
	fmt.Fprintf(f.IO.ErrOut, "%s\nIf the browser does not open, visit:\n  %s\n", termsafe.Text(why), termsafe.Line(bl.URL()))
	_ = auth.OpenBrowser(bl.URL(), cfg.Browser)
	_, err = bl.Wait(ctx)
	return err
}

func printSwitched(f *Factory, res *app.SwitchResult) {
	if res == nil {
		return
	}
	o := res.Organization
	name := o.Name
	if name == "" {
		name = o.ExternalID // a deactivated organization switched into by its external id
	}
	fmt.Fprintf(f.IO.Out, "Switched to %s (%s)\n", termsafe.Line(name), termsafe.Line(o.ExternalID))
	switch {
	case res.Deactivated:
		fmt.Fprintf(f.IO.Out, "%s is deactivated: its data cannot be used until it is reactivated\n", termsafe.Line(name))
	case res.Project != nil:
		fmt.Fprintf(f.IO.Out, "Current project: %s (%s)\n", termsafe.Line(res.Project.Name), termsafe.Line(res.Project.ID))
	default:
		fmt.Fprintln(f.IO.Out, "The organization has no project yet")
	}
	if res.ProjectGone != "" {
		fmt.Fprintf(f.IO.ErrOut, "The project you last used in %s (%s) no longer exists; %s\n",
			termsafe.Line(name), termsafe.Line(res.ProjectGone), fallbackProject(res))
	}
}

// fallbackProject says what replaced a project that is gone.
func fallbackProject(res *app.SwitchResult) string {
	if res.Project == nil {
		return "it has no other project."
	}
	return "now using the default project, " + termsafe.Line(res.Project.Name) + "."
}

func asAPIError(err error, target **api.Error) bool { return errors.As(err, target) }
