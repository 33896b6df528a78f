package members

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
)

type loadedMsg struct {
	Stamp   common.Stamp
	Members []api.OrganizationMember
	Err     error
}

type removedMsg struct {
	Stamp  common.Stamp
	Member api.OrganizationMember
	Err    error
}

type leftMsg struct {
	Stamp  common.Stamp
	Result *app.LeaveResult
	Err    error
}

// loadMembers lists every member of the organization (orgID "" = the
// token's, looked up first).
func loadMembers(ctx context.Context, c *api.Client, s common.Stamp, orgID string) tea.Cmd {
	return func() tea.Msg {
		if orgID == "" {
			org, err := c.GetCurrentOrganization(ctx)
			if err != nil {
				return loadedMsg{Stamp: s, Err: err}
			}
			orgID = org.ID
		}
		all, err := c.AllOrganizationMembers(ctx, api.ListOrganizationMembersParams{OrganizationID: orgID})
		return loadedMsg{Stamp: s, Members: all, Err: err}
	}
}

func removeMember(ctx context.Context, c *api.Client, s common.Stamp, mb api.OrganizationMember) tea.Cmd {
	return func() tea.Msg {
		_, err := c.RemoveOrganizationMember(ctx, mb.ID)
		return removedMsg{Stamp: s, Member: mb, Err: err}
	}
}

func leaveOrganization(ctx context.Context, a *app.App, s common.Stamp) tea.Cmd {
	return func() tea.Msg {
		res, err := a.LeaveOrganization(ctx)
		return leftMsg{Stamp: s, Result: res, Err: err}
	}
}

// alreadySwitched hands a switch that app.LeaveOrganization already made to
// the root's switch path, so the generation, the header and OrgSwitchedMsg
// follow as for any switch (no second refresh).
func alreadySwitched(s common.Stamp, res *app.SwitchResult) tea.Cmd {
	return func() tea.Msg {
		return common.SwitchViaMsg{Label: "leaving", Stamp: s,
			Run: func(_ context.Context, progress func(app.SwitchProgress)) (*app.SwitchResult, error) {
				progress(app.SwitchProgress{Step: app.SwitchTokenReady, Organization: res.Organization})
				progress(app.SwitchProgress{Step: app.SwitchLoaded, Organization: res.Organization, Project: res.Project})
				return res, nil
			}}
	}
}
