// Package members is the members screen (B18): the current organization's
// members; `x` removes one after a confirmation, `L` leaves the organization
// after the user types its name (leaving moves the session to another
// organization, or signs out when it was the last one).
package members

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
)

// Route opens the members screen.
const Route common.Route = "members"

// Model is the members screen.
type Model struct {
	ctx  *common.Context
	keys keyMap
	list components.List[api.OrganizationMember]
	load common.Stamp

	confirm  *components.Confirm // x: remove the member in removing
	removing api.OrganizationMember
	leave    *components.TypeConfirm // L: type the org name
	busy     common.Stamp            // the remove or leave in flight
}

// New returns the screen; it loads on Init.
func New(ctx *common.Context) *Model {
	m := &Model{ctx: ctx, keys: newKeyMap()}
	m.list = components.NewList(ctx.Theme, components.ListOptions[api.OrganizationMember]{
		Noun:  "members",
		Empty: "No members to show. Invite people from the invitations screen (i, then n).",
		Text:  func(mb api.OrganizationMember) string { return memberName(mb) + " " + memberEmail(mb) },
		Key:   func(mb api.OrganizationMember) string { return mb.ID },
		Row:   m.row,
	})
	m.SetSize(ctx.Width, ctx.Height)
	return m
}

// Init loads the members.
func (m *Model) Init() tea.Cmd { return m.reload(false) }

// reload lists the members; fresh skips the query cache (retry).
func (m *Model) reload(fresh bool) tea.Cmd {
	m.load = m.ctx.Stamp()
	orgID := ""
	if m.ctx.Org != nil {
		orgID = m.ctx.Org.ID
	}
	return tea.Batch(m.list.StartLoading(), loadMembers(common.RequestContext(m.ctx.Ctx, fresh), m.ctx.API, m.load, orgID))
}

// SetSize gives the screen its area; one line is the title.
func (m *Model) SetSize(width, height int) { m.list.SetSize(width, max(height-1, 0)) }

// Title names the screen in the header.
func (m *Model) Title() string { return "Members" }

// Route is where this screen is, for `next`.
func (m *Model) Route() common.Route { return Route }

// Capturing is true while the filter or a modal takes every key.
func (m *Model) Capturing() bool {
	return m.list.FilterFocused() || m.confirm != nil || m.leave != nil
}

// Members are the loaded members.
func (m *Model) Members() []api.OrganizationMember { return m.list.Items() }

func memberEmail(mb api.OrganizationMember) string {
	if mb.User != nil {
		return mb.User.Email
	}
	return ""
}

func memberName(mb api.OrganizationMember) string {
	if mb.User != nil && mb.User.Name != "" {
		return mb.User.Name
	}
	if e := memberEmail(mb); e != "" {
		return e
	}
	return mb.UserID
}

// isMe reports the signed-in user's own membership.
func (m *Model) isMe(mb api.OrganizationMember) bool {
	me := m.ctx.SessionInfo.UserID
	if m.ctx.User != nil {
		me = m.ctx.User.ID
	}
	return me != "" && mb.UserID == me
}
