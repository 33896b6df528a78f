package invitation

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
)

// loadedMsg answers the invitation's load.
type loadedMsg struct {
	stamp common.Stamp
	inv   *app.Invitation
	err   error
}

// declinedMsg answers a decline.
type declinedMsg struct {
	stamp common.Stamp
	inv   *app.Invitation
	err   error
}

// load asks for the invitation (GET /v1/account/organization_invitations/{id});
// fresh skips the query cache (a retry, a reload after a refused answer).
func (m *Model) load(fresh bool) tea.Cmd {
	s := m.ctx.Stamp()
	m.loading = s
	a, ctx, id := m.ctx.App, common.RequestContext(m.ctx.Ctx, fresh), m.id
	return func() tea.Msg {
		inv, err := a.ReceivedInvitation(ctx, id)
		return loadedMsg{stamp: s, inv: inv, err: err}
	}
}

// accept asks the root to accept and switch into the organization on its
// one switch path (B19, B15).
func (m *Model) accept() tea.Cmd {
	s := m.ctx.Stamp()
	name := orgName(*m.inv)
	m.acting, m.working, m.problem = s, "Joining "+name+"…", ""
	m.joinedFrom = m.ctx.OrgName()
	a, id := m.ctx.App, m.id
	return common.SwitchVia(s, "joining "+name,
		func(ctx context.Context, progress func(app.SwitchProgress)) (*app.SwitchResult, error) {
			_, res, err := a.AcceptInvitation(ctx, id, progress)
			return res, err
		})
}

func (m *Model) decline() tea.Cmd {
	s := m.ctx.Stamp()
	m.acting, m.working, m.problem = s, "Declining the invitation to "+orgName(*m.inv)+"…", ""
	a, ctx, id := m.ctx.App, m.ctx.Ctx, m.id
	return func() tea.Msg {
		inv, err := a.DeclineInvitation(ctx, id)
		return declinedMsg{stamp: s, inv: inv, err: err}
	}
}
