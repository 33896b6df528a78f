// Package invitations is `panel invitations`: the ones the organization sent and the ones you received.
package invitations

import (
	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/internal/cmdutil"
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
