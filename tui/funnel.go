package tui

import (
	"errors"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/tui/common"
)

// funnel is the one place errors end: login required and
// revoked sessions go to sign-in with `next`; "Token rejected" shows the
// deactivated state; anything else goes to the status line. No screen quits
// on an error, and field errors never get here unless a screen had no input
// to show them next to.
func (m *Model) funnel(err error) tea.Cmd {
	if err == nil {
		return nil
	}
	switch {
	case errors.Is(err, auth.ErrSessionRevoked):
		return m.revoked()
	case api.IsSessionRevoked(err):
		// Seen outside the app's check: sign out locally too (B7), then sign in.
		a := m.deps.App
		ctx := m.ctx.Ctx
		signOut := func() tea.Msg { _ = a.SignOutRevoked(ctx); return nil }
		return tea.Batch(signOut, m.revoked())
	case errors.Is(err, auth.ErrLoginRequired) || api.IsUnauthenticated(err):
		if m.auth == authSignedOut {
			return nil
		}
		if m.justSignedIn {
			return m.loopGuard(err)
		}
		return m.toSignIn("", "Your session ended. Sign in again to continue where you were.", "")
	case api.IsOrgDeactivated(err):
		m.markDeactivated()
		return m.setStatus(orgLabel(orgOrEmpty(m.ctx.Org))+" is deactivated: the API rejects its tokens. "+
			"Switch organization with o or -.", common.LevelWarning, -1)
	case api.IsAccountLocked(err):
		return m.setStatus("Your account is locked: contact support.", common.LevelError, -1)
	case api.IsRateLimited(err):
		return m.setStatus(err.Error(), common.LevelWarning, 0)
	}
	return m.setStatus(err.Error(), common.LevelError, 0)
}

func orgOrEmpty(o *api.Organization) api.Organization {
	if o == nil {
		return api.Organization{}
	}
	return *o
}
