// Package invitation is the invitation landing screen (B19), outside the
// auth gate (B12). `panel --invitation <id>` (or `v` on the sign-in screen
// when `next` is an invitation) opens it signed out: it explains the
// invitation and offers sign-in (enter) and sign-up (s) with `next` = this
// screen. Signed in, it loads the invitation the user received and offers
// `a` accept (the root's one switch path takes the user into the
// organization) and `d` decline, or says why it cannot: expired, already
// answered, or not found for this account.
package invitation

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
)

// Model is the invitation landing screen.
type Model struct {
	ctx  *common.Context
	id   string
	keys keyMap

	inv     *app.Invitation // nil until loaded
	loadErr error           // the load failed: shown in place, r retries
	loading common.Stamp    // the load in flight
	acting  common.Stamp    // accept (via the root's switch) or decline in flight
	// joinedFrom is the organization an accept switches away from.
	joinedFrom string
	working    string // what is in flight, for the view
	problem    string // why the server refused the last answer

	width int
}

type keyMap struct {
	SignIn, SignUp, Accept, Decline, Retry key.Binding
}

// New returns the landing screen of invitation id.
func New(ctx *common.Context, id string) *Model {
	return &Model{ctx: ctx, id: id, keys: keyMap{
		SignIn:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "sign in")),
		SignUp:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sign up")),
		Accept:  key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "accept")),
		Decline: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "decline")),
		Retry:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "retry")),
	}}
}

// Init loads the invitation when the gate has passed; otherwise the screen
// waits for IdentityMsg (or shows the signed-out offer).
func (m *Model) Init() tea.Cmd {
	if m.ctx.GatePassed {
		return m.load(false)
	}
	return nil
}

// SetSize gives the screen its area.
func (m *Model) SetSize(w, _ int) { m.width = w }

// Title names the screen in the header.
func (m *Model) Title() string { return "Invitation" }

// Route is where this screen is, for `next`.
func (m *Model) Route() common.Route { return common.RouteInvitation.With(m.id) }

// Capturing is false: no input here takes keys as text.
func (m *Model) Capturing() bool { return false }

// Invitation is the loaded invitation (nil before).
func (m *Model) Invitation() *app.Invitation { return m.inv }

// ShortHelp lists the keys that work now; listing them claims them.
func (m *Model) ShortHelp() []key.Binding {
	m.updateKeys()
	k := m.keys
	return []key.Binding{k.SignIn, k.SignUp, k.Accept, k.Decline, k.Retry}
}

// FullHelp lists every key of the screen, in columns.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// updateKeys enables what makes sense now: a disabled key neither fires nor
// shows, and leaves the key to the globals.
func (m *Model) updateKeys() {
	out := m.ctx.SignedOut
	in := m.ctx.GatePassed && !out
	m.keys.SignIn.SetEnabled(out)
	m.keys.SignUp.SetEnabled(out)
	answerable := in && m.acting.IsZero() && m.inv != nil && state(*m.inv, time.Now()) == statePending
	m.keys.Accept.SetEnabled(answerable)
	m.keys.Decline.SetEnabled(answerable)
	m.keys.Retry.SetEnabled(in && m.loadErr != nil && !notForYou(m.loadErr) && m.loading.IsZero())
}

// notForYou: the server knows no such invitation for this user (404), or
// refuses the id (400); retrying will not change that.
func notForYou(err error) bool { return common.NotFound(err) || common.Refused(err) }

// invitationState is what the user can still do with an invitation.
type invitationState int

const (
	statePending invitationState = iota
	stateAccepted
	stateDeclined
	stateExpired
	stateInvalid
)

// state reads the status, and treats a pending invitation past its expiry
// as expired (the server may not have noticed yet).
func state(inv app.Invitation, now time.Time) invitationState {
	switch inv.Status {
	case app.InvitationPending:
		if !inv.ExpiresAt.IsZero() && inv.ExpiresAt.Before(now) {
			return stateExpired
		}
		return statePending
	case app.InvitationAccepted:
		return stateAccepted
	case app.InvitationRefused:
		return stateDeclined
	case app.InvitationExpired:
		return stateExpired
	}
	return stateInvalid
}

func orgName(inv app.Invitation) string {
	if o := inv.Organization; o != nil && o.Name != "" {
		return o.Name
	}
	if inv.OrganizationID != "" {
		return inv.OrganizationID
	}
	return "the organization"
}
