// Package members is the members screen (B18): the current organization's
// members; `x` removes one after a confirmation, `L` leaves the organization
// after the user types its name (leaving moves the session to another
// organization, or signs out when it was the last one).
package members

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
	"github.com/panel-dev/panel/tui/screens/internal/listscreen"
)

// Route opens the members screen.
const Route common.Route = "members"

// Model is the members screen.
type Model struct {
	ctx  *common.Context
	keys keyMap
	list *listscreen.Feed[app.Member, []app.Member]
	ask  *components.Question // x: remove a member; L: leave (type the name)
	busy common.Stamp         // the remove or leave in flight
}

// New returns the screen; it loads on Init.
func New(ctx *common.Context) *Model {
	m := &Model{ctx: ctx, keys: newKeyMap()}
	m.list = listscreen.New(ctx, components.ListOptions[app.Member]{
		Noun:  "members",
		Empty: "No members to show. Invite people from the invitations screen (i, then n).",
		Text:  func(mb app.Member) string { return memberName(mb) + " " + memberEmail(mb) },
		Key:   func(mb app.Member) string { return mb.ID },
		Row:   m.row,
	}, m.members)
	m.SetSize(ctx.Width, ctx.Height)
	return m
}

// Init loads the members.
func (m *Model) Init() tea.Cmd { return m.list.Reload(false) }

// SetSize gives the screen its area; one line is the title.
func (m *Model) SetSize(width, height int) { m.list.SetSize(width, max(height-1, 0)) }

// Title names the screen in the header.
func (m *Model) Title() string { return "Members" }

// Route is where this screen is, for `next`.
func (m *Model) Route() common.Route { return Route }

// Capturing is true while the filter or a modal takes every key.
func (m *Model) Capturing() bool { return m.list.FilterFocused() || m.ask != nil }

// Members are the loaded members.
func (m *Model) Members() []app.Member { return m.list.Items() }

func memberEmail(mb app.Member) string {
	if mb.User != nil {
		return mb.User.Email
	}
	return ""
}

func memberName(mb app.Member) string {
	if mb.User != nil && mb.User.Name != "" {
		return mb.User.Name
	}
	if e := memberEmail(mb); e != "" {
		return e
	}
	return mb.UserID
}

// isMe reports the signed-in user's own membership.
func (m *Model) isMe(mb app.Member) bool {
	me := m.ctx.SessionInfo.UserID
	if m.ctx.User != nil {
		me = m.ctx.User.ID
	}
	return me != "" && mb.UserID == me
}

func (m *Model) orgName() string {
	if m.ctx.Org != nil && m.ctx.Org.Name != "" {
		return m.ctx.Org.Name
	}
	return m.ctx.OrgExternalID()
}
