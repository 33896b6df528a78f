// Package home is the landing screen: who is signed in, in which
// organization and project, when the session's token expires, how many
// invitations wait, and the keys to go anywhere. It draws from the shared
// Context at once (the root fills it from the local store before any network
// answer) and counts pending invitations once the gate has passed.
package home

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/common"
)

// Model is the home screen.
type Model struct {
	ctx *common.Context

	pending  common.Stamp // the invitations count request in flight
	invited  int          // pending received invitations (-1: unknown)
	countErr error

	width, height int
}

type invitationsMsg struct {
	stamp common.Stamp
	count int
	err   error
}

// New returns the home screen.
func New(ctx *common.Context) *Model { return &Model{ctx: ctx, invited: -1} }

// Init counts pending invitations once the gate has passed.
func (m *Model) Init() tea.Cmd {
	if m.ctx.GatePassed {
		return m.countInvitations()
	}
	return nil
}

// Update handles a key or a result for this screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.IdentityMsg, common.OrgSwitchedMsg:
		if m.ctx.GatePassed && (m.pending.IsZero() || !m.ctx.IsCurrent(m.pending)) {
			return m, m.countInvitations()
		}
	case invitationsMsg:
		if !m.pending.Answers(msg.stamp) {
			return m, nil
		}
		m.pending = common.Stamp{}
		m.invited, m.countErr = msg.count, msg.err
		if msg.err != nil {
			return m, common.ReportStampedError(msg.stamp, msg.err)
		}
	}
	return m, nil
}

// countInvitations asks for the user's pending received invitations.
func (m *Model) countInvitations() tea.Cmd {
	s := m.ctx.Stamp()
	m.pending = s
	a, ctx := m.ctx.App, m.ctx.Ctx
	return func() tea.Msg {
		invs, err := a.ReceivedInvitations(ctx) // the pending ones
		return invitationsMsg{stamp: s, count: len(invs), err: err}
	}
}

// SetSize gives the screen its area.
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

// Title names the screen in the header.
func (m *Model) Title() string { return "Home" }

// Route is where this screen is, for `next`.
func (m *Model) Route() common.Route { return common.RouteHome }

// Capturing is false: no input here takes keys as text.
func (m *Model) Capturing() bool { return false }

// ShortHelp is empty: home has no keys of its own.
func (m *Model) ShortHelp() []key.Binding { return nil }

// FullHelp is empty: home has no keys of its own.
func (m *Model) FullHelp() [][]key.Binding { return nil }
