package members

import (
	"context"

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
	Exporter *export.Exporter
}

func newListCmd(f *cmdutil.Factory, runF func(*listOptions) error) *cobra.Command {
	opts := &listOptions{IO: f.IO, App: f.App}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the current organization's members",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return listRun(opts)
		},
	}
	opts.Exporter = cmdutil.AddExportFlags(cmd, api.OrganizationMember{})
	return cmd
}

func listRun(opts *listOptions) error {
	a, ctx, cancel, err := cmdutil.LoadApp(opts.Ctx, opts.App)
	if err != nil {
		return err
	}
	defer cancel()
	var members []app.Member
	err = opts.IO.WithProgress("Loading members", func() error {
		_, members, err = currentMembers(ctx, a)
		return err
	})
	if err != nil {
		return err
	}
	return cmdutil.PrintList(opts.IO, opts.Exporter, members, memberTable)
}

var memberTable = cmdutil.ListTable[app.Member]{Columns: []cmdutil.Column[app.Member]{
	{Header: "EMAIL", Cell: func(_ *cmdutil.Table, m app.Member) string {
		return memberUser(m, func(u *api.PublicUser) string { return u.Email })
	}, Whole: true},
	{Header: "NAME", Cell: func(_ *cmdutil.Table, m app.Member) string {
		return memberUser(m, func(u *api.PublicUser) string { return u.Name })
	}},
	{Header: "ROLE", Cell: func(_ *cmdutil.Table, m app.Member) string { return roleLabel(m.Role) }},
	{Header: "STATUS", Cell: func(_ *cmdutil.Table, m app.Member) string { return string(m.Status) }, Whole: true, Status: true},
	{Header: "JOINED", Cell: func(t *cmdutil.Table, m app.Member) string { return t.Time(m.JoinedAt) }},
	{Header: "ID", Cell: func(_ *cmdutil.Table, m app.Member) string { return m.ID }, Whole: true},
}}

// memberUser is what field reads from the member's user, "-" when empty or unknown.
func memberUser(m app.Member, field func(*api.PublicUser) string) string {
	if m.User == nil {
		return "-"
	}
	return cmdutil.Dash(field(m.User))
}

func roleLabel(r api.Role) string {
	if r == api.RoleOwner {
		return "owner"
	}
	return "member"
}
