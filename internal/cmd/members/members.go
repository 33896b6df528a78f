// Package members is `panel members`: list and remove members, or leave the organization.
package members

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/export"
	"github.com/panel-dev/panel/internal/termsafe"
)

// NewCmdMembers returns `panel members` and its verbs.
func NewCmdMembers(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "members",
		Aliases: []string{"member"},
		Short:   "List and remove members of the current organization, or leave it",
		Args:    cobra.NoArgs,
	}
	cmd.AddCommand(newListCmd(f, nil), newRemoveCmd(f, nil), newLeaveCmd(f, nil))
	return cmd
}

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

// currentMembers checks the session (B10) and lists the members of the
// organization it names.
func currentMembers(ctx context.Context, a *app.App) (*api.Organization, []api.OrganizationMember, error) {
	if _, err := cmdutil.RequireOrganization(ctx, a); err != nil {
		return nil, nil, err
	}
	org, err := a.CheckSession(ctx)
	if err != nil {
		return nil, nil, err
	}
	if org == nil {
		return nil, nil, app.ErrNoOrganization
	}
	members, err := a.Members(ctx, org.ID)
	return org, members, err
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

type removeOptions struct {
	IO       *cmdutil.IOStreams
	App      func() (*app.App, error)
	Ctx      context.Context
	Query    string // membership id, user id or email
	Yes      bool
	Exporter *export.Exporter
}

func newRemoveCmd(f *cmdutil.Factory, runF func(*removeOptions) error) *cobra.Command {
	opts := &removeOptions{IO: f.IO, App: f.App}
	cmd := &cobra.Command{
		Use:               "remove <email|id>",
		ValidArgsFunction: f.Completion().Args(app.NamesMembers),
		Short:             "Remove a member from the current organization",
		Long:              "Remove a member, named by membership id or email. Asks to confirm on a terminal; --yes skips it\n(and is required when not on a terminal).",
		Args:              cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Query = strings.ToLower(strings.TrimSpace(args[0]))
			if opts.Query == "" {
				return errors.New("name the member to remove")
			}
			if !opts.Yes && !opts.IO.Terminal {
				return errors.New("not on a terminal: pass --yes to remove without confirming")
			}
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return removeRun(opts)
		},
	}
	cmd.Flags().BoolVarP(&opts.Yes, "yes", "y", false, "do not ask to confirm")
	opts.Exporter = cmdutil.AddExportFlags(cmd, api.OrganizationMember{})
	return cmd
}

func removeRun(opts *removeOptions) error {
	a, ctx, cancel, err := cmdutil.LoadApp(opts.Ctx, opts.App)
	if err != nil {
		return err
	}
	defer cancel()
	org, members, err := currentMembers(ctx, a)
	if err != nil {
		return err
	}
	m, err := app.FindMember(members, opts.Query)
	var none *app.MemberNotFoundError
	if errors.As(err, &none) {
		return fmt.Errorf("%w in %s", err, termsafe.Line(org.Name))
	}
	if err != nil {
		return err
	}
	if err := a.CanRemove(ctx, *m); err != nil {
		return err
	}
	label := m.ID
	if m.User != nil && m.User.Email != "" {
		label = m.User.Email
	}
	if !opts.Yes {
		ok, err := cmdutil.Confirm(opts.IO, fmt.Sprintf("Remove %s from %s?", termsafe.Line(label), termsafe.Line(org.Name)))
		if err != nil {
			return err
		}
		if !ok {
			return cmdutil.ErrAborted
		}
	}
	removed, err := a.RemoveMember(ctx, *m)
	if err != nil {
		return err
	}
	if opts.Exporter.Enabled() {
		return opts.IO.Export(opts.Exporter, removed)
	}
	fmt.Fprintf(opts.IO.Out, "Removed %s from %s\n", termsafe.Line(label), termsafe.Line(org.Name))
	return nil
}

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
	if _, err := cmdutil.RequireOrganization(ctx, a); err != nil {
		return err
	}
	org, err := a.CheckSession(ctx)
	if err != nil {
		return err
	}
	if org == nil {
		return app.ErrNoOrganization
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
