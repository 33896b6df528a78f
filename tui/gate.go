package tui

import (
	"context"
	"errors"
	"fmt"
	"sync"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/tui/common"
)

// The auth gate (B12): the stored session is read (no network), then the
// profile and the current organization are loaded in parallel; only then do
// authenticated screens load their data. The first frame does not wait.

type sessionMsg struct {
	gen  common.Generation
	info auth.Info
	err  error
}

type gateMsg struct {
	gen     common.Generation
	user    *api.User
	userErr error
	org     *api.Organization
	orgErr  error
}

type projectMsg struct {
	gen     common.Generation
	project *api.Project
	err     error
}

func (m *Model) loadSession() tea.Cmd {
	gen, ctx, s := m.ctx.Generation(), m.ctx.Ctx, m.deps.App.Session
	return func() tea.Msg {
		info, err := s.Info(ctx)
		return sessionMsg{gen: gen, info: info, err: err}
	}
}

func (m *Model) startGate() tea.Cmd {
	m.setAuth(authGating)
	gen, ctx, a := m.ctx.Generation(), m.ctx.Ctx, m.deps.App
	return func() tea.Msg {
		msg := gateMsg{gen: gen}
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			msg.user, msg.userErr = a.API.GetCurrentUser(ctx)
		}()
		msg.org, msg.orgErr = a.CheckSession(ctx)
		wg.Wait()
		return msg
	}
}

func loadProject(ctx context.Context, a *app.App, gen common.Generation) tea.Cmd {
	return func() tea.Msg {
		p, err := a.CurrentProject(ctx)
		return projectMsg{gen: gen, project: p, err: err}
	}
}

// handleSession handles the gate's and the timers' messages.
func (m *Model) handleSession(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case sessionMsg:
		if msg.gen != m.ctx.Generation() {
			return nil, true
		}
		return m.sessionLoaded(msg), true
	case gateMsg:
		if msg.gen != m.ctx.Generation() {
			return nil, true
		}
		return m.gateDone(msg), true
	case projectMsg:
		if msg.gen != m.ctx.Generation() {
			return nil, true
		}
		if msg.err != nil {
			return m.funnel(msg.err), true
		}
		if msg.project == nil {
			m.ctx.Project = nil
		}
		return m.setIdentity(nil, nil, msg.project), true
	case refreshTickMsg, refreshedMsg, checkTickMsg, checkedMsg:
		return m.handleTimer(msg), true
	}
	return nil, false
}

func (m *Model) sessionLoaded(msg sessionMsg) tea.Cmd {
	var kerr *auth.KeychainError
	switch {
	case errors.Is(msg.err, auth.ErrLoginRequired) && m.outsideGate(m.pending):
		return m.showSignedOut(m.pending)
	case errors.Is(msg.err, auth.ErrLoginRequired):
		return m.toSignIn(m.pending, "", "")
	case errors.As(msg.err, &kerr):
		return m.toSignIn(m.pending, kerr.Error(), "")
	case msg.err != nil:
		return m.toSignIn(m.pending, msg.err.Error(), "")
	}
	m.ctx.SessionInfo = msg.info
	m.refreshHeader()
	m.ctx.Keys.SetSignedIn(true)
	return tea.Batch(m.startGate(), m.setStatus("Checking your session…", common.LevelInfo, -1))
}

// gateDone decides where the user is: signed in (land on the pending
// route), no organization (onboarding, B23), revoked (sign-in, B10), or
// offline (stay on the last known data and retry).
func (m *Model) gateDone(msg gateMsg) tea.Cmd {
	err := msg.orgErr
	if err == nil && msg.userErr != nil && !api.IsNotFound(msg.userErr) {
		err = msg.userErr
	}
	fresh := m.justSignedIn
	var refused *auth.RefusedError
	var lost *app.MembershipLostError
	notice := ""
	if errors.As(err, &lost) {
		// The session is alive and moved on (or has no organization left): the gate passes there.
		notice, err, msg.orgErr, msg.org = membershipLostText(lost), nil, nil, nil
		if lost.SwitchedTo != nil {
			msg.org = &lost.SwitchedTo.Organization
		}
	}
	switch {
	case err == nil:
	case errors.As(err, &refused):
		// --organization-id (B16) names an organization the session cannot
		// refresh into: sign in through the browser straight into it.
		org := m.ctx.SessionInfo.OrganizationID
		return m.toSignIn(m.pending, fmt.Sprintf("Organization %s asks for a fresh sign-in (%v).", org, refused), org)
	case fresh && (api.IsUnauthenticated(err) || errors.Is(err, auth.ErrLoginRequired)):
		return m.loopGuard(err)
	case errors.Is(err, auth.ErrSessionRevoked):
		return m.revoked()
	case errors.Is(err, auth.ErrLoginRequired) || api.IsUnauthenticated(err):
		return m.toSignIn(m.pending, "Your session ended. Sign in again.", "")
	case api.IsOrgDeactivated(err):
		m.markDeactivated()
	default:
		// Network down or the API failing: keep the session and the last
		// known data; the session check retries.
		m.setAuth(authSignedIn)
		m.ctx.GatePassed = true
		m.justSignedIn = false
		m.unreachable = true
		return tea.Batch(m.armTimers(), m.setStatus(fmt.Sprintf("Could not reach the API (%v); showing the last known data.", err), common.LevelWarning, -1))
	}
	m.setAuth(authSignedIn)
	m.ctx.GatePassed = true
	m.justSignedIn = false
	m.header.Stale = false
	m.unreachable = false
	status := m.setStatus("", common.LevelInfo, -1)
	if notice != "" {
		status = m.setStatus(notice, common.LevelWarning, -1)
	}
	cmds := []tea.Cmd{status, m.armTimers(), rememberUser(m.deps.App, msg.user)}
	if change := m.landedElsewhere(msg); change != "" {
		cmds = append(cmds, m.setStatus(change, common.LevelWarning, -1))
	}
	if msg.orgErr == nil && msg.org == nil {
		m.ctx.Org, m.ctx.Project = nil, nil
		cmds = append(cmds, m.setIdentity(msg.user, nil, nil), m.reset(m.newScreen(common.RouteOnboarding)))
		if next := m.pending; m.outsideGate(next) {
			// A new sign-up from an invitation link: onboarding under the invitation.
			m.pending = ""
			cmds = append(cmds, m.push(m.newScreen(next)))
		}
		return tea.Batch(cmds...)
	}
	if msg.org != nil && m.ctx.Org != nil && m.ctx.Org.ExternalID != msg.org.ExternalID {
		m.ctx.Project = nil // the last known project belongs to another organization
	}
	cmds = append(cmds, m.setIdentity(msg.user, msg.org, nil), loadProject(m.ctx.Ctx, m.deps.App, m.ctx.Generation()))
	cmds = append(cmds, m.land())
	return tea.Batch(cmds...)
}

// landedElsewhere compares where a sign-in landed with where it set out to
// (B28): a difference goes to the header (until the user switches) and is
// returned for the status line.
func (m *Model) landedElsewhere(msg gateMsg) string {
	asked := m.asked
	m.asked = nil
	if msg.orgErr != nil {
		return ""
	}
	change := app.OrganizationChange(asked, msg.org)
	if change != "" {
		m.wasOrg = orgLabel(*asked)
	}
	return change
}

// land opens the route that waited for the gate (B4 `next`).
func (m *Model) land() tea.Cmd {
	next := m.pending
	m.pending = ""
	top := m.top()
	if top != nil && top.Route().Name() == common.RouteOnboarding && m.ctx.Org != nil {
		return m.reset(m.newScreen(common.RouteHome))
	}
	if !m.knownRoute(next) || next.Name() == common.RouteHome || next.Name() == common.RouteSignIn {
		if top == nil || top.Route().Name() != common.RouteHome {
			return m.reset(m.newScreen(common.RouteHome))
		}
		return nil
	}
	return m.open(next, true)
}

// loopGuard (B6): a token obtained a moment ago is rejected by the API.
// Starting another sign-in would loop; say what is wrong instead.
func (m *Model) loopGuard(err error) tea.Cmd {
	m.justSignedIn = false
	reason := fmt.Sprintf("You signed in, but the API at %s rejected the new token (%v). It probably does not accept "+
		"tokens of client ID %s: check PANEL_CLIENT_ID / PANEL_API_URL (or the profile) before signing in again.",
		m.deps.APIURL, err, m.deps.ClientID)
	return m.toSignIn(m.pending, reason, "")
}

func (m *Model) markDeactivated() {
	if m.ctx.Org != nil {
		o := *m.ctx.Org
		o.Status = api.OrganizationDeactivated
		m.ctx.Org = &o
	}
	m.refreshHeader()
	if m.header.OrgStatus == "" {
		m.header.OrgStatus = string(api.OrganizationDeactivated)
	}
}

// toSignIn leaves the authenticated screens for the sign-in screen; after
// signing in the user lands on next (B4).
//
// orgID names the organization to sign in to (one the user asked for);
// without it, the sign-in asks for the organization the user was in (B28).
func (m *Model) toSignIn(next common.Route, reason, orgID string) tea.Cmd {
	if next == "" {
		if top := m.top(); top != nil && top.Route().Name() != common.RouteSignIn {
			next = top.Route()
		}
	}
	org, resuming := organizationNamed(orgID), false
	if org == nil {
		org, resuming = m.resumeOrganization(), true
	}
	m.leaveSession()
	return m.reset(m.signInScreen(next, reason, org, resuming))
}

// resumeOrganization is the organization a replacing sign-in asks for: the
// one shown, else what the app kept of the session (a file read, once per
// sign-in screen).
func (m *Model) resumeOrganization() *api.Organization {
	if o := m.ctx.Org; o != nil && o.ExternalID != "" {
		org := *o
		return &org
	}
	return m.deps.App.ResumeOrganization(m.ctx.Ctx)
}

// organizationNamed is the organization of an external id ("": none).
func organizationNamed(id string) *api.Organization {
	if id == "" {
		return nil
	}
	return &api.Organization{ExternalID: id}
}

// leaveSession forgets the session: a new generation, nothing known of the
// user, the navigation keys off.
func (m *Model) leaveSession() {
	m.ctx.NextGeneration()
	m.setAuth(authSignedOut)
	m.ctx.GatePassed = false
	m.ctx.Keys.SetSignedIn(false)
	m.pending = ""
	m.ctx.SessionInfo = auth.Info{}
	m.wasOrg = ""
	m.forgetIdentity()
}

// signedIn runs the gate again for the new session and lands on next;
// asked is the organization the sign-in set out to land in.
func (m *Model) signedIn(next common.Route, asked *api.Organization) tea.Cmd {
	m.asked = asked
	m.ctx.NextGeneration()
	m.justSignedIn = true
	m.pending = next
	m.setAuth(authUnknown)
	m.ctx.GatePassed = false
	m.ctx.Project = nil
	return tea.Batch(m.loadSession(), m.setStatus("Signed in.", common.LevelSuccess, 0))
}

// revokedReason is what the sign-in screen says after B10 signed the user out.
const revokedReason = "Your session was revoked. Sign in again to continue where you were."

// revoked: the server ended the session (app already signed out locally);
// sign in again and come back to the current screen.
func (m *Model) revoked() tea.Cmd {
	next := m.pending
	if next == "" {
		if top := m.top(); top != nil {
			next = top.Route()
		}
	}
	return m.toSignIn(next, revokedReason, "")
}

// signedOut: the session ended by the user's choice (sign-out, leaving the
// last organization); the next sign-in lands on home.
func (m *Model) signedOut(reason string) tea.Cmd {
	m.ctx.SessionInfo = auth.Info{}
	m.forgetIdentity()
	m.ctx.NextGeneration()
	m.setAuth(authSignedOut)
	m.ctx.GatePassed = false
	m.ctx.Keys.SetSignedIn(false)
	m.pending = ""
	return m.reset(m.signInScreen("", reason, nil, false))
}
