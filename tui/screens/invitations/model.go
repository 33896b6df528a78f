// Package invitations is the invitations screen (B18, B19). `tab` flips
// between the invitations the current organization sent and the ones the
// user received. Sent: pending by default, `s` cycles the status filter, `n`
// opens a multi-email input (each address checked, sent and reported on its
// own line), `r` resends, `x` revokes after a confirmation. Received: `a`
// accepts and switches into the organization, `d` declines.
package invitations

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
	"github.com/panel-dev/panel/tui/screens/internal/listscreen"
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
var statusFilters = [][]app.InvitationStatus{
	{app.InvitationPending}, {app.InvitationAccepted}, {app.InvitationRefused}, {app.InvitationExpired}, nil,
}

type feed = listscreen.Feed[app.Invitation, []app.Invitation]

// Model is the invitations screen.
type Model struct {
	ctx  *common.Context
	keys keyMap
	tab  Tab

	sent     *feed
	filter   int // index into statusFilters
	received *feed
	action   common.Stamp // resend, revoke, accept or decline in flight
	// joinedFrom is the organization an accept switches away from.
	joinedFrom string
	ask        *components.Question
	emails     *components.Emails // n: the multi-email input
	sendStamp  common.Stamp
	sendsLeft  int
}

// New returns the screen on the sent tab, or the received tab when the
// route's argument is "received".
func New(ctx *common.Context, route common.Route) *Model {
	m := &Model{ctx: ctx, keys: newKeyMap()}
	if route.Arg() == "received" {
		m.tab = Received
	}
	m.sent = listscreen.New(ctx, components.ListOptions[app.Invitation]{
		Noun:  "invitations",
		Empty: "No invitations with this status. Press n to invite people, s to see other statuses.",
		Text:  func(i app.Invitation) string { return i.Email + " " + string(i.Status) },
		Key:   func(i app.Invitation) string { return i.ID },
		Row:   m.sentRow,
	}, m.sentList)
	m.received = listscreen.New(ctx, components.ListOptions[app.Invitation]{
		Noun:  "invitations",
		Empty: "No pending invitation for you.",
		Text:  func(i app.Invitation) string { return orgName(i) + " " + inviter(i) },
		Key:   func(i app.Invitation) string { return i.ID },
		Row:   m.receivedRow,
	}, m.receivedList)
	m.SetSize(ctx.Width, ctx.Height)
	return m
}

// Init loads both tabs (the received count shows on its tab).
func (m *Model) Init() tea.Cmd { return m.reload() }

// reload loads both tabs again.
func (m *Model) reload() tea.Cmd { return tea.Batch(m.sent.Reload(false), m.received.Reload(false)) }

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
	return m.emails != nil || m.ask != nil || m.list().FilterFocused()
}

// Tab is the tab shown.
func (m *Model) Tab() Tab { return m.tab }

// list is the list of the tab shown.
func (m *Model) list() *feed {
	if m.tab == Received {
		return m.received
	}
	return m.sent
}

func orgName(i app.Invitation) string {
	if i.Organization != nil && i.Organization.Name != "" {
		return i.Organization.Name
	}
	return i.OrganizationID
}

func inviter(i app.Invitation) string {
	if i.Inviter != nil {
		if i.Inviter.Name != "" {
			return i.Inviter.Name
		}
		return i.Inviter.Email
	}
	return ""
}
