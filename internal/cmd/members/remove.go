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
	return cmdutil.PrintResult(opts.IO, opts.Exporter, removed, "Removed %s from %s\n", termsafe.Line(label), termsafe.Line(org.Name))
}
