package common

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
)

// Screen is one page of the TUI. The root keeps a stack of them and draws
// the top one between its header and its status and help lines.
type Screen interface {
	Init() tea.Cmd
	Update(msg tea.Msg) (Screen, tea.Cmd)
	View() string
	// SetSize gives the screen its area (the terminal minus the chrome).
	SetSize(width, height int)
	// Title names the screen in the header ("Members").
	Title() string
	// Route says where this screen is, for `next` after a sign-in (B4).
	Route() Route
	// Capturing is true while a text input, filter or modal has focus:
	// the screen then receives every key but ctrl+c.
	Capturing() bool
	// ShortHelp and FullHelp (help.KeyMap) list the screen's own keys; the
	// root appends the globals. Listing a key claims it over the globals.
	help.KeyMap
}

// Route names a screen so it can travel as `next` through the sign-in state.
// It is a name optionally followed by "/" and an argument:
// "invitations/received", "logs/<service id>".
type Route string

// The routes of the root's own logic: home and onboarding are where the
// gate lands (B23), sign-in is the gate itself, help is the `?` overlay and
// the invitation landing lives outside the gate (B12, B19). Every other
// screen declares its route in its own package; the screen registry
// (Registry) is the list of what can be opened.
const (
	RouteHome       Route = "home"
	RouteSignIn     Route = "signin"
	RouteOnboarding Route = "onboarding"
	RouteHelp       Route = "help"
	// RouteInvitation is the invitation landing screen: "invitation/<invitation id>".
	RouteInvitation Route = "invitation"
)

// Name is the route without its argument.
func (r Route) Name() Route {
	name, _, _ := strings.Cut(string(r), "/")
	return Route(name)
}

// Arg is the part after the first "/", or "".
func (r Route) Arg() string {
	_, arg, _ := strings.Cut(string(r), "/")
	return arg
}

// With returns the route with an argument.
func (r Route) With(arg string) Route {
	if arg == "" {
		return r.Name()
	}
	return r.Name() + "/" + Route(arg)
}
