package invitations

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/export"
	"github.com/panel-dev/panel/internal/termsafe"
)

// invitationOptions serve the verbs that act on one invitation by id.
type invitationOptions struct {
	IO       *cmdutil.IOStreams
	App      func() (*app.App, error)
	Ctx      context.Context
	ID       string
	Exporter *export.Exporter
}

func newResendCmd(f *cmdutil.Factory, runF func(*invitationOptions) error) *cobra.Command {
	return invitationCmd(f, runF, "resend <email|id>", "Send an invitation's email again", resendRun, app.NamesSentInvitations)
}

func newRevokeCmd(f *cmdutil.Factory, runF func(*invitationOptions) error) *cobra.Command {
	return invitationCmd(f, runF, "revoke <email|id>", "Revoke an invitation the organization sent", revokeRun, app.NamesSentInvitations)
}

func newAcceptCmd(f *cmdutil.Factory, runF func(*invitationOptions) error) *cobra.Command {
	return invitationCmd(f, runF, "accept <organization|id|link>", "Accept an invitation you received, then switch into its organization",
		acceptRun, app.NamesReceivedInvitations)
}

func newDeclineCmd(f *cmdutil.Factory, runF func(*invitationOptions) error) *cobra.Command {
	return invitationCmd(f, runF, "decline <organization|id|link>", "Decline an invitation you received", declineRun, app.NamesReceivedInvitations)
}

// invitationCmd is one verb on one invitation, named by id, link, or (names, the kind of invitation) the
// invitee's email for a sent one and the inviting organization's name for a received one.
func invitationCmd(f *cmdutil.Factory, runF func(*invitationOptions) error, use, short string, run func(*invitationOptions) error, names string) *cobra.Command {
	opts := &invitationOptions{IO: f.IO, App: f.App}
	cmd := &cobra.Command{
		Use:               use,
		Short:             short,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: f.Completion().Args(names),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = app.InvitationID(args[0])
			if opts.ID == "" {
				return fmt.Errorf("%q is not an invitation id", args[0])
			}
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return run(opts)
		},
	}
	opts.Exporter = cmdutil.AddExportFlags(cmd, api.OrganizationInvitation{})
	return cmd
}

func resendRun(opts *invitationOptions) error {
	return invitationWrite(opts, true, func(ctx context.Context, a *app.App) (*api.OrganizationInvitation, error) {
		return a.ResendInvitation(ctx, opts.ID)
	}, "Resent the invitation to %s\n")
}

func declineRun(opts *invitationOptions) error {
	return invitationWrite(opts, false, func(ctx context.Context, a *app.App) (*api.OrganizationInvitation, error) {
		return a.DeclineInvitation(ctx, opts.ID)
	}, "Declined the invitation to %s\n")
}

func revokeRun(opts *invitationOptions) error {
	return invitationWrite(opts, true, func(ctx context.Context, a *app.App) (*api.OrganizationInvitation, error) {
		if err := a.RevokeInvitation(ctx, opts.ID); err != nil {
			return nil, err
		}
		return nil, nil
	}, "")
}

// invitationWrite runs one write on an invitation after the session check.
func invitationWrite(opts *invitationOptions, orgScoped bool, do func(context.Context, *app.App) (*api.OrganizationInvitation, error), done string) error {
	load := cmdutil.LoadApp
	if orgScoped {
		load = cmdutil.LoadOrgApp
	}
	a, ctx, cancel, err := load(opts.Ctx, opts.App)
	if err != nil {
		return err
	}
	defer cancel()
	if opts.ID, err = invitationID(ctx, a, opts.ID, !orgScoped); err != nil {
		return err
	}
	var inv *api.OrganizationInvitation
	err = cmdutil.WithSessionCheck(ctx, a, true, func(ctx context.Context) error {
		inv, err = do(ctx, a)
		return err
	})
	if err != nil {
		return err
	}
	if inv == nil { // revoke: the API answers {}
		return cmdutil.PrintResult(opts.IO, opts.Exporter, struct{}{}, "Revoked invitation %s\n", termsafe.Line(opts.ID))
	}
	target := inv.Email
	if target == "" || !orgScoped {
		target = orgName(inv.Organization)
	}
	return cmdutil.PrintResult(opts.IO, opts.Exporter, inv, done, termsafe.Line(target))
}

func acceptRun(opts *invitationOptions) error {
	a, ctx, cancel, err := cmdutil.LoadApp(opts.Ctx, opts.App)
	if err != nil {
		return err
	}
	defer cancel()
	// The session check runs first: accepting on behalf of a revoked session must not happen.
	if err := cmdutil.WithSessionCheck(ctx, a, true, func(context.Context) error { return nil }); err != nil {
		return err
	}
	if opts.ID, err = invitationID(ctx, a, opts.ID, true); err != nil {
		return err
	}
	inv, res, err := a.AcceptInvitation(ctx, opts.ID, nil)
	if inv == nil {
		return err
	}
	return cmdutil.PrintSwitchedInto(opts.IO, opts.Exporter, inv, res, err,
		"Accepted the invitation to %s\n", termsafe.Line(orgName(inv.Organization)))
}

// invitationID resolves what was typed to an invitation's id: as it is when it is one; else the email of a
// sent invitation or the organization of a received one, found among the pending invitations (the ones last
// listed first).
func invitationID(ctx context.Context, a *app.App, query string, received bool) (string, error) {
	if received {
		return a.ReceivedInvitationID(ctx, query)
	}
	return a.SentInvitationID(ctx, query)
}
