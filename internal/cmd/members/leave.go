package members

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/export"
	"github.com/panel-dev/panel/internal/termsafe"
)

type leaveOptions struct {
	IO       *cmdutil.IOStreams
	App      func() (*app.App, error)
	Ctx      context.Context
	Confirm  string // the organization's name, typed to confirm
	Exporter *export.Exporter
}

func newLeaveCmd(f *cmdutil.Factory, runF func(*leaveOptions) error) *cobra.Command {
	opts := &leaveOptions{IO: f.IO, App: f.App}
	cmd := &cobra.Command{
		Use:   "leave",
		Short: "Leave the current organization (then its session ends)",
		Long: "Leave the current organization. On a terminal you confirm by typing its name; otherwise pass\n" +
			"--confirm <name>. Afterwards panel switches to your previous organization, or signs out when\nyou have no other.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.Confirm == "" && !opts.IO.Terminal {
				return errors.New("not on a terminal: pass --confirm <organization name>")
			}
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return leaveRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Confirm, "confirm", "", "the organization's name, to confirm without a prompt")
	opts.Exporter = cmdutil.AddExportFlags(cmd, api.OrganizationMember{})
	return cmd
}

func leaveRun(opts *leaveOptions) error {
	a, ctx, cancel, err := cmdutil.LoadApp(opts.Ctx, opts.App)
	if err != nil {
		return err
	}
	defer cancel()
	org, err := currentOrganization(ctx, a)
	if err != nil {
		return err
	}
	typed := opts.Confirm
	if typed == "" {
		fmt.Fprintf(opts.IO.ErrOut, "Leaving %s removes your access to it. Type its name to confirm: ", termsafe.Line(org.Name))
		if typed, err = cmdutil.ReadLine(opts.IO.In); err != nil {
			return err
		}
	}
	if typed != org.Name {
		return fmt.Errorf("%q is not the organization's name (%s): %w", typed, termsafe.Line(org.Name), cmdutil.ErrAborted)
	}
	res, err := a.LeaveOrganization(ctx)
	if err != nil {
		return err
	}
	if opts.Exporter.Enabled() {
		return opts.IO.Export(opts.Exporter, res.Member)
	}
	fmt.Fprintf(opts.IO.Out, "Left %s\n", termsafe.Line(res.Left.Name))
	if res.SignedOut {
		fmt.Fprintln(opts.IO.Out, "You have no other organization: signed out (run `panel login` to sign in again)")
	}
	cmdutil.PrintSwitched(opts.IO, res.SwitchedTo)
	return nil
}
