package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/termsafe"
)

func init() { subcommands = append(subcommands, newMembersCmd) }

func newMembersCmd(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "members",
		Aliases: []string{"member"},
		Short:   "List and remove members of the current organization, or leave it",
		Args:    cobra.NoArgs,
	}
	cmd.AddCommand(newMembersListCmd(f, nil), newMembersRemoveCmd(f, nil), newMembersLeaveCmd(f, nil))
	return cmd
}

type membersListOptions struct {
	f    *Factory
	JSON bool
}

func newMembersListCmd(f *Factory, runF func(*membersListOptions) error) *cobra.Command {
	opts := &membersListOptions{f: f}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the current organization's members",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(opts)
			}
			return membersListRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the API's objects as a JSON array")
	return cmd
}

// currentMembers checks the session (B10) and lists the members of the
// organization it names.
func currentMembers(ctx context.Context, a *app.App) (*api.Organization, []api.OrganizationMember, error) {
	if _, err := requireOrganization(ctx, a); err != nil {
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

func membersListRun(opts *membersListOptions) error {
	a, ctx, cancel, err := loadApp(opts.f)
	if err != nil {
		return err
	}
	defer cancel()
	_, members, err := currentMembers(ctx, a)
	if err != nil {
		return err
	}
	if opts.JSON {
		return printJSON(opts.f.IO.Out, members)
	}
	t := newTable(opts.f.IO.Out, "ID", "EMAIL", "NAME", "ROLE", "STATUS", "JOINED")
	for _, m := range members {
		email, name := "-", "-"
		if m.User != nil {
			email, name = dash(m.User.Email), dash(m.User.Name)
		}
		t.row(m.ID, email, name, roleLabel(m.Role), string(m.Status), when(m.JoinedAt))
	}
	return t.flush()
}

func roleLabel(r api.Role) string {
	if r == api.RoleOwner {
		return "owner"
	}
	return "member"
}

type membersRemoveOptions struct {
	f     *Factory
	Query string // membership id, user id or email
	Yes   bool
	JSON  bool
}

func newMembersRemoveCmd(f *Factory, runF func(*membersRemoveOptions) error) *cobra.Command {
	opts := &membersRemoveOptions{f: f}
	cmd := &cobra.Command{
		Use:   "remove <id|email>",
		Short: "Remove a member from the current organization",
		Long:  "Remove a member, named by membership id or email. Asks to confirm on a terminal; --yes skips it\n(and is required when not on a terminal).",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Query = strings.ToLower(strings.TrimSpace(args[0]))
			if opts.Query == "" {
				return errors.New("name the member to remove")
			}
			if !opts.Yes && !f.IO.Terminal {
				return errors.New("not on a terminal: pass --yes to remove without confirming")
			}
			if runF != nil {
				return runF(opts)
			}
			return membersRemoveRun(opts)
		},
	}
	cmd.Flags().BoolVarP(&opts.Yes, "yes", "y", false, "do not ask to confirm")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the removed membership as JSON")
	return cmd
}

func membersRemoveRun(opts *membersRemoveOptions) error {
	a, ctx, cancel, err := loadApp(opts.f)
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
		ok, err := confirm(opts.f.IO, fmt.Sprintf("Remove %s from %s?", termsafe.Line(label), termsafe.Line(org.Name)))
		if err != nil {
			return err
		}
		if !ok {
			return errAborted
		}
	}
	removed, err := a.RemoveMember(ctx, *m)
	if err != nil {
		return err
	}
	if opts.JSON {
		return printJSON(opts.f.IO.Out, removed)
	}
	fmt.Fprintf(opts.f.IO.Out, "Removed %s from %s\n", termsafe.Line(label), termsafe.Line(org.Name))
	return nil
}

type membersLeaveOptions struct {
	f       *Factory
	Confirm string // the organization's name, typed to confirm
	JSON    bool
}

func newMembersLeaveCmd(f *Factory, runF func(*membersLeaveOptions) error) *cobra.Command {
	opts := &membersLeaveOptions{f: f}
	cmd := &cobra.Command{
		Use:   "leave",
		Short: "Leave the current organization (then its session ends)",
		Long: "Leave the current organization. On a terminal you confirm by typing its name; otherwise pass\n" +
			"--confirm <name>. Afterwards panel switches to your previous organization, or signs out when\nyou have no other.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.Confirm == "" && !f.IO.Terminal {
				return errors.New("not on a terminal: pass --confirm <organization name>")
			}
			if runF != nil {
				return runF(opts)
			}
			return membersLeaveRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Confirm, "confirm", "", "the organization's name, to confirm without a prompt")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the removed membership as JSON")
	return cmd
}

func membersLeaveRun(opts *membersLeaveOptions) error {
	a, ctx, cancel, err := loadApp(opts.f)
	if err != nil {
		return err
	}
	defer cancel()
	if _, err := requireOrganization(ctx, a); err != nil {
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
		fmt.Fprintf(opts.f.IO.ErrOut, "Leaving %s removes your access to it. Type its name to confirm: ", termsafe.Line(org.Name))
		if typed, err = readLine(opts.f.IO.In); err != nil {
			return err
		}
	}
	if typed != org.Name {
		return fmt.Errorf("%q is not the organization's name (%s): %w", typed, termsafe.Line(org.Name), errAborted)
	}
	res, err := a.LeaveOrganization(ctx)
	if err != nil {
		return err
	}
	if opts.JSON {
		return printJSON(opts.f.IO.Out, res.Member)
	}
	fmt.Fprintf(opts.f.IO.Out, "Left %s\n", termsafe.Line(res.Left.Name))
	if res.SignedOut {
		fmt.Fprintln(opts.f.IO.Out, "You have no other organization: signed out (run `panel login` to sign in again)")
	}
	printSwitched(opts.f, res.SwitchedTo)
	return nil
}
