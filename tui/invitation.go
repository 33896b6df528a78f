package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/screens/signin"
)

// Screens outside the auth gate (B12; registry rows with OutsideGate, today
// the invitation landing of B19) open signed out (`panel --invitation <id>`,
// or `v` on the sign-in screen when `next` is the invitation), offer sign-in
// and sign-up with `next` = themselves, and load their data once the gate
// has passed.

// openOutsideGate opens such a screen while no session is known: alone when
// signed out (nothing behind it to go back to), on top while the gate is
// still deciding (it lands there once the gate passes).
func (m *Model) openOutsideGate(r common.Route) tea.Cmd {
	if top := m.top(); top != nil && top.Route() == r {
		return nil
	}
	if m.auth == authSignedOut {
		return m.reset(m.newScreen(r))
	}
	m.pending = r
	return m.push(m.newScreen(r))
}

// showSignedOut: the stored session is missing and the user came for a
// screen outside the gate (an invitation): it explains and offers sign-in
// and sign-up.
func (m *Model) showSignedOut(r common.Route) tea.Cmd {
	m.leaveSession()
	return tea.Batch(m.reset(m.newScreen(r)), m.setStatus("", common.LevelInfo, -1))
}

// signInStarting shows the sign-in screen and, when the asking screen's
// user already chose how (the landing's enter or s), starts it at once.
func (m *Model) signInStarting(msg common.SignInMsg) tea.Cmd {
	cmd := m.toSignIn(msg.Next, msg.Reason, "")
	top := m.stack[len(m.stack)-1]
	if s, ok := top.screen.(*signin.Model); ok && msg.Start != common.SignInChoose {
		return tea.Batch(cmd, m.from(top.id, s.Begin(msg.Start == common.SignInSignUp)))
	}
	return cmd
}
