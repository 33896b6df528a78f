package tui

import (
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/screens/invitations"
	"github.com/panel-dev/panel/tui/screens/logs"
	"github.com/panel-dev/panel/tui/screens/members"
	"github.com/panel-dev/panel/tui/screens/orgs"
	"github.com/panel-dev/panel/tui/screens/projects"
)

// listScreen builds the list screens (tui/screens by T2); nil for routes
// that are not list screens.
func (m *Model) listScreen(r common.Route) common.Screen {
	switch r.Name() {
	case common.RouteOrgs:
		return orgs.New(m.ctx)
	case common.RouteProjects:
		return projects.New(m.ctx)
	case common.RouteInvitations:
		return invitations.New(m.ctx, r)
	case common.RouteMembers:
		return members.New(m.ctx)
	case common.RouteLogs:
		return logs.New(m.ctx, r)
	}
	return nil
}
