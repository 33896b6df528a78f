package invitations

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
)

type loadedMsg struct {
	Stamp       common.Stamp
	Invitations []api.OrganizationInvitation
	Err         error
}

// sentMsg answers one address of a send: each is reported on its own line.
type sentMsg struct {
	Stamp common.Stamp
	Email string
	Err   error
}

// doneMsg answers resend, revoke and decline.
type doneMsg struct {
	Stamp common.Stamp
	What  string // "Resent the invitation to dave@example.com"
	Err   error
}

func loadSent(ctx context.Context, c *api.Client, s common.Stamp, statuses []api.InvitationStatus) tea.Cmd {
	return func() tea.Msg {
		all, err := c.AllOrganizationInvitations(ctx, api.ListOrganizationInvitationsParams{Statuses: statuses})
		return loadedMsg{Stamp: s, Invitations: all, Err: err}
	}
}

// receivedMsg is loadedMsg for the received tab.
type receivedMsg loadedMsg

func loadReceived(ctx context.Context, c *api.Client, s common.Stamp) tea.Cmd {
	return func() tea.Msg {
		all, err := c.AllUserOrganizationInvitations(ctx, api.ListUserOrganizationInvitationsParams{
			Statuses: []api.InvitationStatus{api.InvitationPending}})
		return receivedMsg{Stamp: s, Invitations: all, Err: err}
	}
}

// send invites every address at once; the answers come back one by one.
func send(ctx context.Context, c *api.Client, s common.Stamp, emails []string) tea.Cmd {
	cmds := make([]tea.Cmd, len(emails))
	for i, e := range emails {
		cmds[i] = func() tea.Msg {
			_, err := c.CreateOrganizationInvitation(ctx, e)
			return sentMsg{Stamp: s, Email: e, Err: err}
		}
	}
	return tea.Batch(cmds...)
}

func resend(ctx context.Context, c *api.Client, s common.Stamp, inv api.OrganizationInvitation) tea.Cmd {
	return func() tea.Msg {
		_, err := c.ResendOrganizationInvitation(ctx, inv.ID)
		return doneMsg{Stamp: s, What: "Resent the invitation to " + inv.Email, Err: err}
	}
}

func revoke(ctx context.Context, c *api.Client, s common.Stamp, inv api.OrganizationInvitation) tea.Cmd {
	return func() tea.Msg {
		err := c.DeleteOrganizationInvitation(ctx, inv.ID)
		return doneMsg{Stamp: s, What: "Revoked the invitation to " + inv.Email, Err: err}
	}
}

func decline(ctx context.Context, c *api.Client, s common.Stamp, inv api.OrganizationInvitation) tea.Cmd {
	return func() tea.Msg {
		_, err := c.DeclineOrganizationInvitation(ctx, inv.ID)
		return doneMsg{Stamp: s, What: "Declined the invitation to " + orgName(inv), Err: err}
	}
}

// acceptAndSwitch asks the root to accept the invitation and switch into
// its organization on the one switch path (B19).
func acceptAndSwitch(a *app.App, s common.Stamp, inv api.OrganizationInvitation) tea.Cmd {
	return func() tea.Msg {
		return common.SwitchViaMsg{Label: "joining " + orgName(inv), Stamp: s,
			Run: func(ctx context.Context, progress func(app.SwitchProgress)) (*app.SwitchResult, error) {
				_, res, err := a.AcceptInvitation(ctx, inv.ID, progress)
				return res, err
			}}
	}
}
