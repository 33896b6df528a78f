// Package invitations is `panel invitations`: the ones the organization sent and the ones you received.
package invitations

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/termsafe"
)

// NewCmdInvitations returns `panel invitations` and its verbs.
func NewCmdInvitations(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "invitations",
		Aliases: []string{"invitation", "invites"},
		Short:   "Invitations sent by the organization, and received by you",
		Args:    cobra.NoArgs,
	}
	cmd.AddCommand(
		newListCmd(f, nil), newSendCmd(f, nil),
		newResendCmd(f, nil), newRevokeCmd(f, nil),
		newReceivedCmd(f, nil), newAcceptCmd(f, nil), newDeclineCmd(f, nil),
	)
	return cmd
}

type listOptions struct {
	IO       *cmdutil.IOStreams
	App      func() (*app.App, error)
	Ctx      context.Context
	Statuses []api.InvitationStatus
	Received bool
	JSON     bool
}

// parseStatuses checks --status values (default PENDING).
func parseStatuses(in []string) ([]api.InvitationStatus, error) {
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

func newListCmd(f *cmdutil.Factory, runF func(*listOptions) error) *cobra.Command {
	return listCmd(f, runF, false, "list", "List invitations the current organization sent (pending by default)")
}

func newReceivedCmd(f *cmdutil.Factory, runF func(*listOptions) error) *cobra.Command {
	return listCmd(f, runF, true, "received", "List invitations you received (pending by default)")
}

func listCmd(f *cmdutil.Factory, runF func(*listOptions) error, received bool, use, short string) *cobra.Command {
	opts := &listOptions{IO: f.IO, App: f.App, Received: received}
	var statuses []string
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var err error
			if opts.Statuses, err = parseStatuses(statuses); err != nil {
				return err
			}
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return listRun(opts)
		},
	}
	cmd.Flags().StringSliceVar(&statuses, "status", nil, "PENDING (default), ACCEPTED, REFUSED, EXPIRED; repeat or separate with commas")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the API's objects as a JSON array")
	return cmd
}

func listRun(opts *listOptions) error {
	a, ctx, cancel, err := cmdutil.LoadApp(opts.Ctx, opts.App)
	if err != nil {
		return err
	}
	defer cancel()
	if !opts.Received {
		if _, err := cmdutil.RequireOrganization(ctx, a); err != nil {
			return err
		}
	}
	var invs []api.OrganizationInvitation
	err = cmdutil.WithSessionCheck(ctx, a, false, func(ctx context.Context) error {
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
		return cmdutil.PrintJSON(opts.IO.Out, invs)
	}
	if opts.Received {
		t := cmdutil.NewTable(opts.IO.Out, "ID", "ORGANIZATION", "INVITED BY", "STATUS", "EXPIRES")
		for _, i := range invs {
			t.Row(i.ID, orgName(i.Organization), userLabel(i.Inviter), string(i.Status), cmdutil.When(i.ExpiresAt))
		}
		return t.Flush()
	}
	t := cmdutil.NewTable(opts.IO.Out, "ID", "EMAIL", "STATUS", "INVITED BY", "EXPIRES")
	for _, i := range invs {
		t.Row(i.ID, i.Email, string(i.Status), userLabel(i.Inviter), cmdutil.When(i.ExpiresAt))
	}
	return t.Flush()
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
	return cmdutil.Dash(u.Name)
}

// invitationOptions serve the verbs that act on one invitation by id.
type invitationOptions struct {
	IO   *cmdutil.IOStreams
	App  func() (*app.App, error)
	Ctx  context.Context
	ID   string
	JSON bool
}

func newResendCmd(f *cmdutil.Factory, runF func(*invitationOptions) error) *cobra.Command {
	return invitationCmd(f, runF, "resend <id>", "Send an invitation's email again", resendRun)
}

func newRevokeCmd(f *cmdutil.Factory, runF func(*invitationOptions) error) *cobra.Command {
	return invitationCmd(f, runF, "revoke <id>", "Revoke an invitation the organization sent", revokeRun)
}

func newAcceptCmd(f *cmdutil.Factory, runF func(*invitationOptions) error) *cobra.Command {
	return invitationCmd(f, runF, "accept <id>", "Accept an invitation you received, then switch into its organization",
		acceptRun)
}

func newDeclineCmd(f *cmdutil.Factory, runF func(*invitationOptions) error) *cobra.Command {
	return invitationCmd(f, runF, "decline <id>", "Decline an invitation you received", declineRun)
}

func invitationCmd(f *cmdutil.Factory, runF func(*invitationOptions) error, use, short string, run func(*invitationOptions) error) *cobra.Command {
	opts := &invitationOptions{IO: f.IO, App: f.App}
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.ExactArgs(1),
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
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the object the API returned as JSON")
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
	a, ctx, cancel, err := cmdutil.LoadApp(opts.Ctx, opts.App)
	if err != nil {
		return err
	}
	defer cancel()
	if orgScoped {
		if _, err := cmdutil.RequireOrganization(ctx, a); err != nil {
			return err
		}
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
		if opts.JSON {
			return cmdutil.PrintJSON(opts.IO.Out, struct{}{})
		}
		fmt.Fprintf(opts.IO.Out, "Revoked invitation %s\n", termsafe.Line(opts.ID))
		return nil
	}
	if opts.JSON {
		return cmdutil.PrintJSON(opts.IO.Out, inv)
	}
	target := inv.Email
	if target == "" || !orgScoped {
		target = orgName(inv.Organization)
	}
	fmt.Fprintf(opts.IO.Out, done, termsafe.Line(target))
	return nil
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
	inv, res, err := a.AcceptInvitation(ctx, opts.ID, nil)
	if inv != nil {
		if opts.JSON {
			if perr := cmdutil.PrintJSON(opts.IO.Out, inv); perr != nil {
				return perr
			}
		} else {
			fmt.Fprintf(opts.IO.Out, "Accepted the invitation to %s\n", termsafe.Line(orgName(inv.Organization)))
		}
	}
	if err != nil {
		return err
	}
	if !opts.JSON {
		cmdutil.PrintSwitched(opts.IO, res)
	}
	return nil
}
