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
	invs, err := cmdutil.LoadList(opts.Ctx, opts.IO, opts.App, "Loading invitations", !opts.Received,
		func(ctx context.Context, a *app.App) ([]api.OrganizationInvitation, error) {
			if opts.Received {
				return a.ReceivedInvitations(ctx, opts.Statuses...)
			}
			return a.SentInvitations(ctx, opts.Statuses...)
		})
	if err != nil {
		return err
	}
	if opts.Received {
		return cmdutil.PrintList(opts.IO, opts.Exporter, invs, receivedTable)
	}
	return cmdutil.PrintList(opts.IO, opts.Exporter, invs, sentTable)
}

type invitation = api.OrganizationInvitation

var receivedTable = cmdutil.ListTable[invitation]{Columns: []cmdutil.Column[invitation]{
	{Header: "ORGANIZATION", Cell: func(_ *cmdutil.Table, i invitation) string { return orgName(i.Organization) }},
	{Header: "INVITED BY", Cell: func(_ *cmdutil.Table, i invitation) string { return userLabel(i.Inviter) }},
	{Header: "STATUS", Cell: func(_ *cmdutil.Table, i invitation) string { return string(i.Status) }, Whole: true, Status: true},
	{Header: "EXPIRES", Cell: func(t *cmdutil.Table, i invitation) string { return t.Time(i.ExpiresAt) }},
	{Header: "ID", Cell: func(_ *cmdutil.Table, i invitation) string { return i.ID }, Whole: true},
}}

var sentTable = cmdutil.ListTable[invitation]{Columns: []cmdutil.Column[invitation]{
	{Header: "EMAIL", Cell: func(_ *cmdutil.Table, i invitation) string { return i.Email }},
	{Header: "STATUS", Cell: func(_ *cmdutil.Table, i invitation) string { return string(i.Status) }, Whole: true, Status: true},
	{Header: "INVITED BY", Cell: func(_ *cmdutil.Table, i invitation) string { return userLabel(i.Inviter) }},
	{Header: "EXPIRES", Cell: func(t *cmdutil.Table, i invitation) string { return t.Time(i.ExpiresAt) }},
	{Header: "ID", Cell: func(_ *cmdutil.Table, i invitation) string { return i.ID }, Whole: true},
}}
