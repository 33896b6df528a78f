package invitations

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

type sendOptions struct {
	IO       *cmdutil.IOStreams
	App      func() (*app.App, error)
	Ctx      context.Context
	Emails   []string // trimmed, lower-cased, valid
	Invalid  []app.EmailError
	Exporter *export.Exporter
}

func newSendCmd(f *cmdutil.Factory, runF func(*sendOptions) error) *cobra.Command {
	opts := &sendOptions{IO: f.IO, App: f.App}
	cmd := &cobra.Command{
		Use:   "send <email>...",
		Short: "Invite people into the current organization",
		Long: "Invite one or more people by email. Addresses are trimmed and lower-cased; invalid ones are\n" +
			"reported and skipped, and every other one is still sent. Exits 1 if any address failed.",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Emails, opts.Invalid = app.NormalizeEmails(args)
			if len(opts.Emails) == 0 && len(opts.Invalid) == 0 {
				return errors.New("no email address given")
			}
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return sendRun(opts)
		},
	}
	opts.Exporter = cmdutil.AddExportFlags(cmd, api.OrganizationInvitation{})
	return cmd
}

func sendRun(opts *sendOptions) error {
	for _, bad := range opts.Invalid {
		fmt.Fprintf(opts.IO.ErrOut, "Not sent: %v\n", bad)
	}
	failed := len(opts.Invalid)
	var sent []api.OrganizationInvitation
	if len(opts.Emails) > 0 {
		a, ctx, cancel, err := cmdutil.LoadOrgApp(opts.Ctx, opts.App)
		if err != nil {
			return err
		}
		defer cancel()
		err = cmdutil.WithSessionCheck(ctx, a, true, func(ctx context.Context) error {
			for _, email := range opts.Emails {
				inv, err := a.SendInvitation(ctx, email)
				if err != nil {
					if api.IsSessionRevoked(err) || ctx.Err() != nil {
						return err
					}
					failed++
					fmt.Fprintf(opts.IO.ErrOut, "Not sent: %q: %s\n", email, termsafe.Text(cmdutil.Explain(err)))
					continue
				}
				sent = append(sent, *inv)
				if !opts.Exporter.Enabled() {
					fmt.Fprintf(opts.IO.Out, "Invited %s (invitation %s)\n", termsafe.Line(inv.Email), termsafe.Line(inv.ID))
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if opts.Exporter.Enabled() {
		if err := opts.IO.Export(opts.Exporter, sent); err != nil {
			return err
		}
	}
	if failed > 0 {
		return &cmdutil.ExitError{Code: cmdutil.ExitFailure, Err: fmt.Errorf("%d of %d invitations not sent", failed, failed+len(sent))}
	}
	return nil
}
