// Package members is `panel members`: list and remove members, or leave the organization.
package members

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/cmdutil"
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

// currentMembers checks the session (B10) and lists the members of the
// organization it names.
func currentMembers(ctx context.Context, a *app.App) (*api.Organization, []api.OrganizationMember, error) {
	org, err := currentOrganization(ctx, a)
	if err != nil {
		return nil, nil, err
	}
	members, err := a.Members(ctx, org.ID)
	return org, members, err
}

// currentOrganization is the current organization as the session check (B10) answers it (list, remove and
// leave all start from it).
func currentOrganization(ctx context.Context, a *app.App) (*api.Organization, error) {
	if _, err := cmdutil.RequireOrganization(ctx, a); err != nil {
		return nil, err
	}
	org, err := a.CheckSession(ctx)
	if err != nil {
		return nil, err
	}
	if org == nil {
		return nil, app.ErrNoOrganization
	}
	return org, nil
}
