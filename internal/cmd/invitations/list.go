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
)

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
