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
	if opts.Exporter.Enabled() {
		return opts.IO.Export(opts.Exporter, members)
	}
	t := cmdutil.NewTable(opts.IO, "EMAIL", "NAME", "ROLE", "STATUS", "JOINED", "ID")
	t.KeepWhole(0)
	t.KeepWhole(3)
	t.KeepWhole(5)
	t.ColorStatus(3)
	for _, m := range members {
		email, name := "-", "-"
		if m.User != nil {
			email, name = cmdutil.Dash(m.User.Email), cmdutil.Dash(m.User.Name)
		}
		t.Row(email, name, roleLabel(m.Role), string(m.Status), t.Time(m.JoinedAt), m.ID)
	}
	return t.Flush()
}

func roleLabel(r api.Role) string {
	if r == api.RoleOwner {
		return "owner"
	}
	return "member"
}
