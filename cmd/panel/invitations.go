package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/termsafe"
)

func init() { subcommands = append(subcommands, newInvitationsCmd) }

func newInvitationsCmd(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "invitations",
		Aliases: []string{"invitation", "invites"},
		Short:   "Invitations sent by the organization, and received by you",
		Args:    cobra.NoArgs,
	}
	cmd.AddCommand(
		newInvitationsListCmd(f, nil), newInvitationsSendCmd(f, nil),
		newInvitationsResendCmd(f, nil), newInvitationsRevokeCmd(f, nil),
		newInvitationsReceivedCmd(f, nil), newInvitationsAcceptCmd(f, nil), newInvitationsDeclineCmd(f, nil),
	)
	return cmd
}

type invitationsListOptions struct {
	f        *Factory
	Statuses []api.InvitationStatus
	Received bool
	JSON     bool
}

// parseInvitationStatuses checks --status values (default PENDING).
func parseInvitationStatuses(in []string) ([]api.InvitationStatus, error) {
	if len(in) == 0 {
		return slices.Clone(app.PendingInvitations), nil
	}
	var out []api.InvitationStatus
	for _, s := range in {
		st := api.InvitationStatus(strings.ToUpper(strings.TrimSpace(s)))
		switch st {
		case api.InvitationPending, api.InvitationAccepted, api.InvitationRefused, api.InvitationExpired:
			out = append(out, st)
		default:
			return nil, fmt.Errorf("unknown status %q: use PENDING, ACCEPTED, REFUSED or EXPIRED", s)
		}
	}
	return out, nil
}

func newInvitationsListCmd(f *Factory, runF func(*invitationsListOptions) error) *cobra.Command {
	return invitationsListCmd(f, runF, false, "list", "List invitations the current organization sent (pending by default)")
}

func newInvitationsReceivedCmd(f *Factory, runF func(*invitationsListOptions) error) *cobra.Command {
	return invitationsListCmd(f, runF, true, "received", "List invitations you received (pending by default)")
}

func invitationsListCmd(f *Factory, runF func(*invitationsListOptions) error, received bool, use, short string) *cobra.Command {
	opts := &invitationsListOptions{f: f, Received: received}
	var statuses []string
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var err error
			if opts.Statuses, err = parseInvitationStatuses(statuses); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return invitationsListRun(opts)
		},
	}
	cmd.Flags().StringSliceVar(&statuses, "status", nil, "PENDING (default), ACCEPTED, REFUSED, EXPIRED; repeat or separate with commas")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the API's objects as a JSON array")
	return cmd
}

func invitationsListRun(opts *invitationsListOptions) error {
	a, ctx, cancel, err := loadApp(opts.f)
	if err != nil {
		return err
	}
	defer cancel()
	if !opts.Received {
		if _, err := requireOrganization(ctx, a); err != nil {
			return err
		}
	}
	var invs []api.OrganizationInvitation
	err = withSessionCheck(ctx, a, false, func(ctx context.Context) error {
		if opts.Received {
			invs, err = a.ReceivedInvitations(ctx, opts.Statuses...)
		} else {
			invs, err = a.SentInvitations(ctx, opts.Statuses...)
		}
		return err
	})
	if err != nil {
		return err
	}
	if opts.JSON {
		return printJSON(opts.f.IO.Out, invs)
	}
	if opts.Received {
		t := newTable(opts.f.IO.Out, "ID", "ORGANIZATION", "INVITED BY", "STATUS", "EXPIRES")
		for _, i := range invs {
			t.row(i.ID, orgName(i.Organization), userLabel(i.Inviter), string(i.Status), when(i.ExpiresAt))
		}
		return t.flush()
	}
	t := newTable(opts.f.IO.Out, "ID", "EMAIL", "STATUS", "INVITED BY", "EXPIRES")
	for _, i := range invs {
		t.row(i.ID, i.Email, string(i.Status), userLabel(i.Inviter), when(i.ExpiresAt))
	}
	return t.flush()
}

func orgName(o *api.PublicOrganization) string {
	if o == nil {
		return "-"
	}
	return o.Name
}

func userLabel(u *api.PublicUser) string {
	if u == nil {
		return "-"
	}
	if u.Email != "" {
		return u.Email
	}
	return dash(u.Name)
}

// invitationOptions serve the verbs that act on one invitation by id.
type invitationOptions struct {
	f    *Factory
	ID   string
	JSON bool
}

func newInvitationsResendCmd(f *Factory, runF func(*invitationOptions) error) *cobra.Command {
	return invitationCmd(f, runF, "resend <id>", "Send an invitation's email again", invitationsResendRun)
}

func newInvitationsRevokeCmd(f *Factory, runF func(*invitationOptions) error) *cobra.Command {
	return invitationCmd(f, runF, "revoke <id>", "Revoke an invitation the organization sent", invitationsRevokeRun)
}

func newInvitationsAcceptCmd(f *Factory, runF func(*invitationOptions) error) *cobra.Command {
	return invitationCmd(f, runF, "accept <id>", "Accept an invitation you received, then switch into its organization",
		invitationsAcceptRun)
}

func newInvitationsDeclineCmd(f *Factory, runF func(*invitationOptions) error) *cobra.Command {
	return invitationCmd(f, runF, "decline <id>", "Decline an invitation you received", invitationsDeclineRun)
}

func invitationCmd(f *Factory, runF func(*invitationOptions) error, use, short string, run func(*invitationOptions) error) *cobra.Command {
	opts := &invitationOptions{f: f}
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = app.InvitationID(args[0])
			if opts.ID == "" {
				return fmt.Errorf("%q is not an invitation id", args[0])
			}
			if runF != nil {
				return runF(opts)
			}
			return run(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the object the API returned as JSON")
	return cmd
}

func invitationsResendRun(opts *invitationOptions) error {
	return invitationWrite(opts, true, func(ctx context.Context, a *app.App) (*api.OrganizationInvitation, error) {
		return a.ResendInvitation(ctx, opts.ID)
	}, "Resent the invitation to %s\n")
}

func invitationsDeclineRun(opts *invitationOptions) error {
	return invitationWrite(opts, false, func(ctx context.Context, a *app.App) (*api.OrganizationInvitation, error) {
		return a.DeclineInvitation(ctx, opts.ID)
	}, "Declined the invitation to %s\n")
}

func invitationsRevokeRun(opts *invitationOptions) error {
	return invitationWrite(opts, true, func(ctx context.Context, a *app.App) (*api.OrganizationInvitation, error) {
		if err := a.RevokeInvitation(ctx, opts.ID); err != nil {
			return nil, err
		}
		return nil, nil
	}, "")
}

// invitationWrite runs one write on an invitation after the session check.
func invitationWrite(opts *invitationOptions, orgScoped bool, do func(context.Context, *app.App) (*api.OrganizationInvitation, error), done string) error {
	a, ctx, cancel, err := loadApp(opts.f)
	if err != nil {
		return err
	}
	defer cancel()
	if orgScoped {
		if _, err := requireOrganization(ctx, a); err != nil {
			return err
		}
	}
	var inv *api.OrganizationInvitation
	err = withSessionCheck(ctx, a, true, func(ctx context.Context) error {
		inv, err = do(ctx, a)
		return err
	})
	if err != nil {
		return err
	}
	if inv == nil { // revoke: the API answers {}
		if opts.JSON {
			return printJSON(opts.f.IO.Out, struct{}{})
		}
		fmt.Fprintf(opts.f.IO.Out, "Revoked invitation %s\n", termsafe.Line(opts.ID))
		return nil
	}
	if opts.JSON {
		return printJSON(opts.f.IO.Out, inv)
	}
	target := inv.Email
	if target == "" || !orgScoped {
		target = orgName(inv.Organization)
	}
	fmt.Fprintf(opts.f.IO.Out, done, termsafe.Line(target))
	return nil
}

func invitationsAcceptRun(opts *invitationOptions) error {
	a, ctx, cancel, err := loadApp(opts.f)
	if err != nil {
		return err
	}
	defer cancel()
	// The session check runs first: accepting on behalf of a revoked session must not happen.
	if err := withSessionCheck(ctx, a, true, func(context.Context) error { return nil }); err != nil {
		return err
	}
	inv, res, err := a.AcceptInvitation(ctx, opts.ID, nil)
	if inv != nil {
		if opts.JSON {
			if perr := printJSON(opts.f.IO.Out, inv); perr != nil {
				return perr
			}
		} else {
			fmt.Fprintf(opts.f.IO.Out, "Accepted the invitation to %s\n", termsafe.Line(orgName(inv.Organization)))
		}
	}
	if err != nil {
		return err
	}
	if !opts.JSON {
		printSwitched(opts.f, res)
	}
	return nil
}
