package tui

import (
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/screens/account"
	helpscreen "github.com/panel-dev/panel/tui/screens/help"
	"github.com/panel-dev/panel/tui/screens/home"
	"github.com/panel-dev/panel/tui/screens/invitation"
	"github.com/panel-dev/panel/tui/screens/invitations"
	"github.com/panel-dev/panel/tui/screens/logs"
	"github.com/panel-dev/panel/tui/screens/members"
	"github.com/panel-dev/panel/tui/screens/onboarding"
	"github.com/panel-dev/panel/tui/screens/orgs"
	"github.com/panel-dev/panel/tui/screens/palette"
	"github.com/panel-dev/panel/tui/screens/projects"
	"github.com/panel-dev/panel/tui/screens/services"
)

// Screens returns the screen registry: routing (open, `next` after a sign-in),
// the global keys, help, the command palette and the auth gate all read it.
// A new screen is a package in tui/screens/<name> and one row here; the
// order is the order of help and of the keys on home.
//
// The sign-in screen is not a row: it is the gate itself (gate.go builds it).
func Screens() *common.Registry {
	return common.NewRegistry(
		common.ScreenSpec{Route: common.RouteHome, Key: "h", Title: "Home", Help: "home", NeedsOrganization: true,
			New: func(c *common.Context, _ common.Opening) common.Screen { return home.New(c) }},
		common.ScreenSpec{Route: orgs.Route, Key: "o", Title: "Organizations", Help: "organizations", InFooter: true,
			New: func(c *common.Context, _ common.Opening) common.Screen { return orgs.New(c) }},
		common.ScreenSpec{Route: projects.Route, Key: "p", Title: "Projects", Help: "projects", NeedsOrganization: true,
			New: func(c *common.Context, _ common.Opening) common.Screen { return projects.New(c) }},
		common.ScreenSpec{Route: invitations.Route, Key: "i", Title: "Invitations", Help: "invitations",
			New: func(c *common.Context, o common.Opening) common.Screen { return invitations.New(c, o.Route) }},
		common.ScreenSpec{Route: members.Route, Key: "m", Title: "Members", Help: "members", NeedsOrganization: true,
			New: func(c *common.Context, _ common.Opening) common.Screen { return members.New(c) }},
		common.ScreenSpec{Route: services.Route, Key: "s", Title: "Services", Help: "services", NeedsOrganization: true,
			New: func(c *common.Context, _ common.Opening) common.Screen { return services.New(c) }},
		common.ScreenSpec{Route: logs.Route, Key: "l", Title: "Logs", Help: "logs", NeedsOrganization: true,
			New: func(c *common.Context, o common.Opening) common.Screen { return logs.New(c, o.Route) }},
		common.ScreenSpec{Route: account.Route, Key: "u", Title: "Account", Help: "account",
			New: func(c *common.Context, _ common.Opening) common.Screen { return account.New(c) }},
		common.ScreenSpec{Route: common.RouteOnboarding, Title: "Welcome", Help: "join or create an organization",
			New: func(c *common.Context, _ common.Opening) common.Screen { return onboarding.New(c) }},
		common.ScreenSpec{Route: common.RouteInvitation, Title: "Invitation", Help: "an invitation you received",
			OutsideGate: true, NeedsArg: true,
			New: func(c *common.Context, o common.Opening) common.Screen { return invitation.New(c, o.Route.Arg()) }},
		common.ScreenSpec{Route: common.RouteHelp, Title: "Keys", Help: "every key", OutsideGate: true, Overlay: true,
			New: func(c *common.Context, o common.Opening) common.Screen { return helpscreen.New(c, o.Below) }},
		common.ScreenSpec{Route: palette.Route, Key: ":", Title: "Command", Help: "command palette", Overlay: true,
			New: func(c *common.Context, o common.Opening) common.Screen { return palette.New(c, o.Below) }},
	)
}
