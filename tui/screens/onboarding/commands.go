package onboarding

import (
	"context"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/screens/internal/listscreen"
)

// invitations lists the user's pending invitations, never from the cache:
// onboarding is where a new invitation is expected to show up.
func (m *Model) invitations() func(context.Context) ([]app.Invitation, error) {
	a := m.ctx.App
	return func(ctx context.Context) ([]app.Invitation, error) { return a.ReceivedInvitations(app.Fresh(ctx)) }
}

// accept asks the root to accept and switch (its one switch path).
func (m *Model) accept(inv app.Invitation) tea.Cmd {
	s := m.ctx.Stamp()
	m.acting, m.working = s, "Accepting the invitation to "+invitationOrg(inv)+"…"
	a, id := m.ctx.App, inv.ID
	return common.SwitchVia(s, "accepting the invitation to "+invitationOrg(inv),
		func(ctx context.Context, progress func(app.SwitchProgress)) (*app.SwitchResult, error) {
			_, res, err := a.AcceptInvitation(ctx, id, progress)
			return res, err
		})
}

func (m *Model) decline(inv app.Invitation) tea.Cmd {
	m.acting, m.working = m.ctx.Stamp(), "Declining the invitation to "+invitationOrg(inv)+"…"
	a, id := m.ctx.App, inv.ID
	return listscreen.Act(m.ctx.Ctx, m.acting, "Invitation declined.", func(ctx context.Context) error {
		if _, err := a.DeclineInvitation(ctx, id); err != nil {
			return fmt.Errorf("decline the invitation: %w", err)
		}
		return nil
	})
}

func invitationOrg(i app.Invitation) string {
	if i.Organization != nil && i.Organization.Name != "" {
		return i.Organization.Name
	}
	return i.OrganizationID
}
