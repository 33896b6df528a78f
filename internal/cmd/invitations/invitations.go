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
	"github.com/panel-dev/panel/internal/export"
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
	Exporter *export.Exporter
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
	opts.Exporter = cmdutil.AddExportFlags(cmd, api.OrganizationInvitation{})
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
	err = opts.IO.WithProgress("Loading invitations", func() error {
		return cmdutil.WithSessionCheck(ctx, a, false, func(ctx context.Context) error {
			if opts.Received {
				invs, err = a.ReceivedInvitations(ctx, opts.Statuses...)
			} else {
				invs, err = a.SentInvitations(ctx, opts.Statuses...)
			}
			return err
		})
	})
	if err != nil {
		return err
	}
	if opts.Exporter.Enabled() {
		return opts.IO.Export(opts.Exporter, invs)
	}
	if opts.Received {
		t := cmdutil.NewTable(opts.IO, "ORGANIZATION", "INVITED BY", "STATUS", "EXPIRES", "ID")
		t.KeepWhole(2)
		t.KeepWhole(4)
		t.ColorStatus(2)
		for _, i := range invs {
			t.Row(orgName(i.Organization), userLabel(i.Inviter), string(i.Status), t.Time(i.ExpiresAt), i.ID)
		}
		return t.Flush()
	}
	t := cmdutil.NewTable(opts.IO, "EMAIL", "STATUS", "INVITED BY", "EXPIRES", "ID")
	t.KeepWhole(1)
	t.KeepWhole(4)
	t.ColorStatus(1)
	for _, i := range invs {
		t.Row(i.Email, string(i.Status), userLabel(i.Inviter), t.Time(i.ExpiresAt), i.ID)
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
		if opts.Exporter.Enabled() {
			return opts.IO.Export(opts.Exporter, struct{}{})
		}
		fmt.Fprintf(opts.IO.Out, "Revoked invitation %s\n", termsafe.Line(opts.ID))
		return nil
	}
	if opts.Exporter.Enabled() {
		return opts.IO.Export(opts.Exporter, inv)
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
	if opts.ID, err = invitationID(ctx, a, opts.ID, true); err != nil {
		return err
	}
	inv, res, err := a.AcceptInvitation(ctx, opts.ID, nil)
	if inv != nil {
		if opts.Exporter.Enabled() {
			if perr := opts.IO.Export(opts.Exporter, inv); perr != nil {
				return perr
			}
		} else {
			fmt.Fprintf(opts.IO.Out, "Accepted the invitation to %s\n", termsafe.Line(orgName(inv.Organization)))
		}
	}
	if err != nil {
		return err
	}
	if !opts.Exporter.Enabled() {
		cmdutil.PrintSwitched(opts.IO, res)
	}
	return nil
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
