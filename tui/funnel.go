package tui

import (
	"errors"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/tui/common"
)

// funnel is the one place errors end: login required and
// revoked sessions go to sign-in with `next`; a lost membership moves on,
// signed in; "Token rejected" shows the
// deactivated state; anything else goes to the status line. No screen quits
// on an error, and field errors never get here unless a screen had no input
// to show them next to.
func (m *Model) funnel(err error) tea.Cmd {
	if err == nil {
		return nil
	}
	var lost *app.MembershipLostError
	switch {
	case errors.Is(err, auth.ErrSessionRevoked):
		return m.revoked()
	case errors.As(err, &lost):
		return m.membershipLost(lost)
	case api.IsSessionRevoked(err):
		// Seen outside the app's check: the check tells a revoked session (signed out) from a lost
		// membership, and its answer comes back here.
		a, ctx := m.deps.App, m.ctx.Ctx
		return func() tea.Msg {
			_, err := a.CheckSession(ctx)
			if err == nil {
				return nil
			}
			return common.ErrorMsg{Err: err}
		}
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
