package members

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/screens/internal/listscreen"
)

type leftMsg struct {
	Stamp  common.Stamp
	Result *app.LeaveResult
	Err    error
}

// members lists every member of the organization (the token's when the
// context does not know it yet, looked up first).
func (m *Model) members() func(context.Context) ([]app.Member, error) {
	a, orgID := m.ctx.App, ""
	if m.ctx.Org != nil {
		orgID = m.ctx.Org.ID
	}
	return func(ctx context.Context) ([]app.Member, error) { return a.Members(ctx, orgID) }
}

func (m *Model) remove(mb app.Member) tea.Cmd {
	m.busy = m.ctx.Stamp()
	a := m.ctx.App
	return listscreen.Act(m.ctx.Ctx, m.busy, "Removed "+memberName(mb), func(ctx context.Context) error {
		_, err := a.RemoveMember(ctx, mb)
		return err
	})
}

func (m *Model) leaveOrganization() tea.Cmd {
	m.busy = m.ctx.Stamp()
	a, s, ctx := m.ctx.App, m.busy, m.ctx.Ctx
	return tea.Batch(common.Status("Leaving "+m.orgName()+"…"), func() tea.Msg {
		res, err := a.LeaveOrganization(ctx)
		return leftMsg{Stamp: s, Result: res, Err: err}
	})
}

// alreadySwitched hands a switch that app.LeaveOrganization already made to
// the root's switch path, so the generation, the header and OrgSwitchedMsg
// follow as for any switch (no second refresh).
func alreadySwitched(s common.Stamp, res *app.SwitchResult) tea.Cmd {
	return common.SwitchVia(s, "leaving", func(_ context.Context, progress func(app.SwitchProgress)) (*app.SwitchResult, error) {
		progress(app.SwitchProgress{Step: app.SwitchTokenReady, Organization: res.Organization})
		progress(app.SwitchProgress{Step: app.SwitchLoaded, Organization: res.Organization, Project: res.Project})
		return res, nil
	})
}
