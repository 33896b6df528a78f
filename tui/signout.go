package tui

import (
	"context"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/tui/common"
)

// Sign-out (B7) runs in the root: the generation ends first, so a request
// still in flight cannot answer "not signed in" into the funnel afterwards.

type signOutDoneMsg struct {
	res auth.LogoutResult
	err error
}

func (m *Model) signOut() tea.Cmd {
	if m.auth == authSignedOut {
		return nil
	}
	m.ctx.NextGeneration()
	m.setAuth(authSignedOut)
	m.ctx.GatePassed = false
	m.ctx.Keys.SetSignedIn(false)
	a, ctx := m.deps.App, context.WithoutCancel(m.ctx.Ctx)
	run := func() tea.Msg {
		res, err := a.SignOut(ctx)
		return signOutDoneMsg{res: res, err: err}
	}
	return tea.Batch(run, m.setStatus("Signing out…", common.LevelInfo, -1))
}

func (m *Model) signOutDone(msg signOutDoneMsg) tea.Cmd {
	// The sign-in screen says how it went; "Signing out…" is over.
	m.status = statusLine{seq: m.status.seq + 1}
	cmd := m.signedOut(signOutOutcome(msg.res))
	if msg.err != nil {
		return tea.Batch(cmd, m.setStatus(fmt.Sprintf("Sign-out: %v", msg.err), common.LevelError, 0))
	}
	return cmd
}

// signOutOutcome says what the sign-out did, for the sign-in screen.
func signOutOutcome(r auth.LogoutResult) string {
	who := r.Email
	if who == "" {
		who = "your account"
	}
	if r.ServerSessionEnded || !r.WasSignedIn {
		return "Signed out of " + who + "."
	}
	return "Signed out of " + who + " on this computer. The server could not be reached: the session " +
		"ends on its own once its refresh token goes unused."
}
