package signin

import (
	"context"
	"errors"
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
)

// Update handles a key or a result for this screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return m, m.handleKey(msg)
	case browserBegunMsg:
		if msg.attempt != m.attempt {
			closeLogin(msg.login)
			return m, nil
		}
		return m, m.browserBegun(msg)
	case browserOpenedMsg:
		if msg.attempt == m.attempt {
			m.browserErr = msg.err
		}
	case deviceBegunMsg:
		if msg.attempt == m.attempt {
			return m, m.deviceBegun(msg)
		}
	case pastedMsg:
		if msg.attempt == m.attempt && msg.err != nil {
			m.pasteErr = msg.err.Error()
		}
	case copiedMsg:
		m.copied = msg.err == nil
	case finishedMsg:
		if msg.attempt == m.attempt {
			return m, m.finished(msg)
		}
	}
	return m, nil
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	m.keys.update(m)
	k := m.keys
	if m.paste.Focused() {
		return m.pasteKey(msg)
	}
	switch {
	case key.Matches(msg, k.Cancel):
		m.stop()
		m.attempt++ // whatever the cancelled attempt still reports is dropped
		m.phase, m.err = phaseIdle, nil
	case key.Matches(msg, k.Start):
		m.signUp, m.other = false, false
		return m.startBrowser()
	case key.Matches(msg, k.SignUp):
		m.signUp, m.other = true, false
		return m.startBrowser()
	case key.Matches(msg, k.Other):
		m.signUp, m.other = false, true
		return m.startBrowser()
	case key.Matches(msg, k.Device):
		return m.startDevice()
	case key.Matches(msg, k.Copy):
		return copyToClipboard(m.opts.Clipboard, m.copyText())
	case key.Matches(msg, k.Paste):
		m.pasteErr = ""
		return m.paste.Focus()
	case key.Matches(msg, k.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(msg, k.Down):
		m.cursor = min(m.cursor+1, len(m.selection.Organizations)-1)
	case key.Matches(msg, k.Choose):
		return m.choose()
	case key.Matches(msg, k.Invitation):
		return common.Open(m.opts.Next) // outside the gate: it opens signed out
	case msg.Paste && m.phase == phaseBrowser:
		// A bracketed paste without focusing the box first is still a paste.
		m.paste.SetValue(string(msg.Runes))
		return submitRedirect(m.login, m.attempt, string(msg.Runes))
	}
	return nil
}

// pasteKey: the focused paste box gets every key; enter submits, esc leaves.
func (m *Model) pasteKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Submit):
		m.pasteErr = ""
		return submitRedirect(m.login, m.attempt, m.paste.Value())
	case key.Matches(msg, m.keys.Cancel):
		m.paste.Blur()
		return nil
	}
	var cmd tea.Cmd
	m.paste, cmd = m.paste.Update(msg)
	return cmd
}

func (m *Model) loginOptions() app.SignInOptions {
	org := m.opts.OrganizationID
	if m.signUp && m.opts.Resuming {
		org = "" // a new account is in no organization yet
	}
	return app.SignInOptions{SignUp: m.signUp, Reauthenticate: m.other, OrganizationID: org, Email: m.opts.Email,
		Next: string(m.opts.Next)}
}

// newAttempt ends the previous attempt and returns a context for the next.
func (m *Model) newAttempt() context.Context {
	m.stop()
	m.attempt++
	m.err = nil
	m.attemptCtx, m.cancel = context.WithCancel(m.ctx.Ctx)
	m.phase = phaseStarting
	return m.attemptCtx
}

func (m *Model) startBrowser() tea.Cmd {
	ctx := m.newAttempt()
	return beginBrowser(ctx, m.ctx.App, m.attempt, m.loginOptions())
}

func (m *Model) startDevice() tea.Cmd {
	ctx := m.newAttempt()
	return beginDevice(ctx, m.ctx.App, m.attempt, m.loginOptions())
}

func (m *Model) browserBegun(msg browserBegunMsg) tea.Cmd {
	if msg.err != nil {
		m.fail(msg.err)
		return nil
	}
	m.login, m.phase = msg.login, phaseBrowser
	return tea.Batch(openBrowser(m.attempt, msg.login.URL(), m.opts.Browser), waitBrowser(m.attemptCtx, msg.login, m.attempt))
}

func (m *Model) deviceBegun(msg deviceBegunMsg) tea.Cmd {
	if msg.err != nil {
		m.fail(msg.err)
		return nil
	}
	m.device, m.phase = msg.device, phaseDevice
	return waitDevice(m.attemptCtx, msg.device, m.attempt)
}

// finished handles the end of a wait: signed in, an organization to
// choose (B3a), a refused selection (restart with the organization), or an
// error shown in place.
func (m *Model) finished(msg finishedMsg) tea.Cmd {
	var sel *app.OrganizationChoice
	var refused *app.RefusedError
	switch {
	case msg.err == nil:
		m.stop()
		m.phase = phaseIdle
		return common.SignedInTo(common.Route(msg.res.Next), m.asked)
	case errors.As(msg.err, &sel):
		m.byDevice = m.phase == phaseDevice
		m.stop()
		m.selection, m.cursor, m.phase = sel, 0, phasePickOrg
	case m.phase == phaseFinishing && m.selection != nil && errors.As(msg.err, &refused):
		// This client may not use the organization-selection grant: sign in
		// again through the browser straight into the chosen organization.
		m.opts.OrganizationID = m.selection.Organizations[m.cursor].ID
		m.selection = nil
		if m.byDevice {
			m.opts.Reason = "A device code cannot name an organization, so this last step is a browser " +
				"sign-in into it: open the address below on any device, and paste back the address it ends on."
		}
		return m.startBrowser()
	case m.opts.Resuming && m.opts.OrganizationID != "" && app.OrganizationRefused(msg.err):
		errors.As(msg.err, &refused)
		// WorkOS refused the organization the user was in (not a member any more): sign in
		// without naming it; the root says where the user landed.
		m.opts.Reason = fmt.Sprintf("%s refused the sign-in (%s). Signing in without it.",
			m.organizationLabel(), refused.Error())
		m.opts.OrganizationID, m.opts.Resuming = "", false
		return m.startBrowser()
	case errors.Is(msg.err, context.Canceled):
	default:
		m.fail(msg.err)
	}
	return nil
}

func (m *Model) choose() tea.Cmd {
	if m.selection == nil || len(m.selection.Organizations) == 0 {
		return nil
	}
	orgID := m.selection.Organizations[m.cursor].ID
	m.attempt++
	m.attemptCtx, m.cancel = context.WithCancel(m.ctx.Ctx)
	m.phase = phaseFinishing
	return chooseOrganization(m.attemptCtx, m.ctx.App, m.attempt, m.selection, orgID)
}

func (m *Model) fail(err error) {
	m.stop()
	m.phase, m.err, m.selection = phaseIdle, err, nil
}

func (m *Model) copyText() string {
	if m.device != nil {
		return m.device.VerificationURIComplete
	}
	if m.login != nil {
		return m.login.URL()
	}
	return ""
}

// organizationLabel names the organization the sign-in asks for.
func (m *Model) organizationLabel() string {
	if m.opts.OrganizationName != "" {
		return m.opts.OrganizationName
	}
	return m.opts.OrganizationID
}

func closeLogin(l *app.BrowserSignIn) {
	if l != nil {
		_ = l.Close()
	}
}
