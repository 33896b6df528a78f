package onboarding

import (
	"context"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
)

type invitationsMsg struct {
	stamp common.Stamp
	items []api.OrganizationInvitation
	err   error
}

type declinedMsg struct {
	stamp common.Stamp
	err   error
}

func (m *Model) load() tea.Cmd {
	s := m.ctx.Stamp()
	m.loading = s
	client, ctx := m.ctx.API, m.ctx.Ctx
	fetch := func() tea.Msg {
		items, err := client.AllUserOrganizationInvitations(api.Revalidate(ctx), api.ListUserOrganizationInvitationsParams{
			Statuses: []api.InvitationStatus{api.InvitationPending}})
		return invitationsMsg{stamp: s, items: items, err: err}
	}
	return tea.Batch(m.list.StartLoading(), fetch)
}

// accept asks the root to accept and switch (its one switch path).
func (m *Model) accept(inv api.OrganizationInvitation) tea.Cmd {
	s := m.ctx.Stamp()
	m.acting, m.working = s, "Accepting the invitation to "+invitationOrg(inv)+"…"
	a, id := m.ctx.App, inv.ID
	return common.SwitchVia(s, "accepting the invitation to "+invitationOrg(inv),
		func(ctx context.Context, progress func(app.SwitchProgress)) (*app.SwitchResult, error) {
			_, res, err := a.AcceptInvitation(ctx, id, progress)
			return res, err
		})
}

func (m *Model) decline(inv api.OrganizationInvitation) tea.Cmd {
	s := m.ctx.Stamp()
	m.acting, m.working = s, "Declining the invitation to "+invitationOrg(inv)+"…"
	client, ctx, id := m.ctx.API, m.ctx.Ctx, inv.ID
	return func() tea.Msg {
		_, err := client.DeclineOrganizationInvitation(ctx, id)
		if err != nil {
			err = fmt.Errorf("decline the invitation: %w", err)
		}
		return declinedMsg{stamp: s, err: err}
	}
}

// create asks the root to create the organization and switch into it.
func (m *Model) create(name string) tea.Cmd {
	s := m.ctx.Stamp()
	m.form.stamp, m.form.busy = s, true
	a := m.ctx.App
	return common.SwitchVia(s, "creating "+name,
		func(ctx context.Context, progress func(app.SwitchProgress)) (*app.SwitchResult, error) {
			_, res, err := a.CreateOrganization(ctx, name, progress)
			return res, err
		})
}

func invitationOrg(i api.OrganizationInvitation) string {
	if i.Organization != nil && i.Organization.Name != "" {
		return i.Organization.Name
	}
	return i.OrganizationID
}
