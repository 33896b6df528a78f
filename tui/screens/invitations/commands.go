package invitations

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/screens/internal/listscreen"
)

// sentMsg answers one address of a send: each is reported on its own line.
type sentMsg struct {
	Stamp common.Stamp
	Email string
	Err   error
}

// sentList lists the current organization's invitations with the status
// filter chosen now.
func (m *Model) sentList() func(context.Context) ([]app.Invitation, error) {
	a, statuses := m.ctx.App, statusFilters[m.filter]
	if statuses == nil {
		statuses = app.EveryInvitationStatus
	}
	return func(ctx context.Context) ([]app.Invitation, error) { return a.SentInvitations(ctx, statuses...) }
}

// receivedList lists the user's pending invitations.
func (m *Model) receivedList() func(context.Context) ([]app.Invitation, error) {
	a := m.ctx.App
	return func(ctx context.Context) ([]app.Invitation, error) { return a.ReceivedInvitations(ctx) }
}

// send invites every address at once; the answers come back one by one.
func (m *Model) send(emails []string) tea.Cmd {
	a, ctx, s := m.ctx.App, m.ctx.Ctx, m.sendStamp
	cmds := make([]tea.Cmd, len(emails))
	for i, e := range emails {
		cmds[i] = func() tea.Msg {
			_, err := a.SendInvitation(ctx, e)
			return sentMsg{Stamp: s, Email: e, Err: err}
		}
	}
	return tea.Batch(cmds...)
}

// act runs one action on an invitation (resend, revoke, decline).
func (m *Model) act(what string, run func(ctx context.Context, a common.App, id string) error, inv app.Invitation) tea.Cmd {
	m.action = m.ctx.Stamp()
	a, id := m.ctx.App, inv.ID
	return listscreen.Act(m.ctx.Ctx, m.action, what, func(ctx context.Context) error { return run(ctx, a, id) })
}

func resend(ctx context.Context, a common.App, id string) error {
	_, err := a.ResendInvitation(ctx, id)
	return err
}

func revoke(ctx context.Context, a common.App, id string) error { return a.RevokeInvitation(ctx, id) }

func decline(ctx context.Context, a common.App, id string) error {
	_, err := a.DeclineInvitation(ctx, id)
	return err
}

// acceptAndSwitch asks the root to accept the invitation and switch into
// its organization on the one switch path (B19).
func (m *Model) acceptAndSwitch(inv app.Invitation) tea.Cmd {
	m.action, m.joinedFrom = m.ctx.Stamp(), m.ctx.OrgName()
	a, id := m.ctx.App, inv.ID
	return common.SwitchVia(m.action, "joining "+orgName(inv),
		func(ctx context.Context, progress func(app.SwitchProgress)) (*app.SwitchResult, error) {
			_, res, err := a.AcceptInvitation(ctx, id, progress)
			return res, err
		})
}
