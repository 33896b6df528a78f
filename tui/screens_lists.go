package tui

import (
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/screens/orgs"
)

// listScreen builds the list screens (tui/screens by T2); nil for routes
// that are not list screens.
func (m *Model) listScreen(r common.Route) common.Screen {
	switch r.Name() {
	case common.RouteOrgs:
		return orgs.New(m.ctx)
	case common.RouteProjects, common.RouteInvitations, common.RouteMembers, common.RouteLogs:
		return newPlaceholder(m.ctx, r)
	}
	return nil
}
