// Package invitations is the invitations screen (B18, B19). `tab` flips
// between the invitations the current organization sent and the ones the
// user received. Sent: pending by default, `s` cycles the status filter, `n`
// opens a multi-email input (each address checked, sent and reported on its
// own line), `r` resends, `x` revokes after a confirmation. Received: `a`
// accepts and switches into the organization, `d` declines.
package invitations

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
)

// Route opens the invitations screen; Route.With("received") opens the received tab.
const Route common.Route = "invitations"

// Tab is which invitations the screen shows.
type Tab int

const (
	// Sent are the current organization's invitations.
	Sent Tab = iota
	// Received are the signed-in user's invitations.
	Received
)

// statusFilters is the `s` cycle; nil means every status.
var statusFilters = [][]api.InvitationStatus{
	{api.InvitationPending}, {api.InvitationAccepted}, {api.InvitationRefused}, {api.InvitationExpired}, nil,
}

// Model is the invitations screen.
type Model struct {
	ctx  *common.Context
	keys keyMap
	tab  Tab

	sent      components.List[api.OrganizationInvitation]
	sentLoad  common.Stamp
	filter    int // index into statusFilters
	received  components.List[api.OrganizationInvitation]
	recvLoad  common.Stamp
	action    common.Stamp // resend, revoke, accept or decline in flight
	confirm   *components.Confirm
	revoking  api.OrganizationInvitation
	emails    *components.Emails // n: the multi-email input
	sendStamp common.Stamp
	sendsLeft int
}

// New returns the screen on the sent tab, or the received tab when the
// route's argument is "received".
func New(ctx *common.Context, route common.Route) *Model {
	m := &Model{ctx: ctx, keys: newKeyMap()}
	if route.Arg() == "received" {
		m.tab = Received
	}
	m.sent = components.NewList(ctx.Theme, components.ListOptions[api.OrganizationInvitation]{
		Noun:  "invitations",
		Empty: "No invitations with this status. Press n to invite people, s to see other statuses.",
		Text:  func(i api.OrganizationInvitation) string { return i.Email + " " + string(i.Status) },
		Key:   func(i api.OrganizationInvitation) string { return i.ID },
		Row:   m.sentRow,
	})
	m.received = components.NewList(ctx.Theme, components.ListOptions[api.OrganizationInvitation]{
		Noun:  "invitations",
		Empty: "No pending invitation for you.",
		Text:  func(i api.OrganizationInvitation) string { return orgName(i) + " " + inviter(i) },
		Key:   func(i api.OrganizationInvitation) string { return i.ID },
		Row:   m.receivedRow,
	})
	m.SetSize(ctx.Width, ctx.Height)
	return m
}

// Init loads both tabs (the received count shows on its tab).
func (m *Model) Init() tea.Cmd { return tea.Batch(m.reloadSent(false), m.reloadReceived(false)) }

// reloadSent lists the sent tab; fresh skips the query cache (retry).
func (m *Model) reloadSent(fresh bool) tea.Cmd {
	m.sentLoad = m.ctx.Stamp()
	return tea.Batch(m.sent.StartLoading(), loadSent(common.RequestContext(m.ctx.Ctx, fresh), m.ctx.API, m.sentLoad, statusFilters[m.filter]))
}

// reloadReceived lists the received tab; fresh skips the query cache.
func (m *Model) reloadReceived(fresh bool) tea.Cmd {
	m.recvLoad = m.ctx.Stamp()
	return tea.Batch(m.received.StartLoading(), loadReceived(common.RequestContext(m.ctx.Ctx, fresh), m.ctx.API, m.recvLoad))
}

// SetSize gives the screen its area; two lines are the title and the tabs.
func (m *Model) SetSize(width, height int) {
	m.sent.SetSize(width, max(height-2, 0))
	m.received.SetSize(width, max(height-2, 0))
	if m.emails != nil {
		m.emails.SetWidth(width)
	}
}

// Title names the screen in the header.
func (m *Model) Title() string { return "Invitations" }

// Route is where this screen is, for `next`.
func (m *Model) Route() common.Route {
	if m.tab == Received {
		return Route.With("received")
	}
	return Route
}

// Capturing is true while a filter, the email input or a modal takes every key.
func (m *Model) Capturing() bool {
	return m.emails != nil || m.confirm != nil || m.list().FilterFocused()
}

// Tab is the tab shown.
func (m *Model) Tab() Tab { return m.tab }

// list is the list of the tab shown.
func (m *Model) list() *components.List[api.OrganizationInvitation] {
	if m.tab == Received {
		return &m.received
	}
	return &m.sent
}

func orgName(i api.OrganizationInvitation) string {
	if i.Organization != nil && i.Organization.Name != "" {
		return i.Organization.Name
	}
	return i.OrganizationID
}

func inviter(i api.OrganizationInvitation) string {
	if i.Inviter != nil {
		if i.Inviter.Name != "" {
			return i.Inviter.Name
		}
		return i.Inviter.Email
	}
	return ""
}
