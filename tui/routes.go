package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/screens/signin"
)

// Routing reads the screen registry (registry.go): whether a route can be
// landed on, whether it needs an organization or the gate, how to build it.

// knownRoute reports whether r names a screen the root can land on (B4: an
// unknown `next` lands on home).
func (m *Model) knownRoute(r common.Route) bool { return m.screens.Known(r) }

// outsideGate reports whether r is a screen that opens without a session
// (the invitation landing); overlays open anywhere and do not count.
func (m *Model) outsideGate(r common.Route) bool {
	spec, ok := m.screens.Lookup(r)
	return ok && spec.OutsideGate && !spec.Overlay && m.screens.Known(r)
}

// newScreen builds the screen of route r over the top of the stack; an
// unknown route builds home.
func (m *Model) newScreen(r common.Route) common.Screen {
	spec, ok := m.screens.Lookup(r)
	if !ok {
		spec, _ = m.screens.Lookup(common.RouteHome)
		r = common.RouteHome
	}
	return spec.New(m.ctx, common.Opening{Route: r, Below: m.top()})
}

// signInScreen builds the sign-in screen into org (nil: none; resuming: the
// organization the replaced session was in, B28).
func (m *Model) signInScreen(next common.Route, reason string, org *api.Organization, resuming bool) common.Screen {
	o := signin.Options{Next: next, Reason: reason, Email: m.deps.SignInEmail, Browser: m.deps.Browser,
		Clipboard: m.deps.Clipboard, Resuming: resuming}
	if org != nil {
		o.OrganizationID, o.OrganizationName = org.ExternalID, org.Name
	}
	return signin.New(m.ctx, o)
}

// open shows route r: over the current stack, or over home alone (reset).
// Before the gate has passed, a route inside the gate waits for it; an
// overlay opens over whatever shows; a screen about the organization opens
// onboarding when there is none (B23).
func (m *Model) open(r common.Route, reset bool) tea.Cmd {
	if r.Name() == common.RouteSignIn {
		return m.toSignIn("", "", "")
	}
	spec, ok := m.screens.Lookup(r)
	switch {
	case !ok:
		r = common.RouteHome
		spec, _ = m.screens.Lookup(r)
	case spec.Overlay:
		return m.push(m.newScreen(r))
	case spec.OutsideGate && m.auth != authSignedIn:
		return m.openOutsideGate(r)
	}
	switch m.auth {
	case authUnknown, authGating:
		m.pending = r
		return m.setStatus("Checking your session…", common.LevelInfo, -1)
	case authSignedOut:
		return nil
	}
	if m.ctx.Org == nil && spec.NeedsOrganization {
		r = common.RouteOnboarding
	}
	if top := m.top(); top != nil && top.Route() == r {
		return nil
	}
	s := m.newScreen(r)
	if !reset {
		return m.push(s)
	}
	base := common.RouteHome
	if m.ctx.Org == nil {
		base = common.RouteOnboarding
	}
	if r.Name() == base {
		return m.reset(s)
	}
	cmd := m.reset(m.newScreen(base))
	return tea.Batch(cmd, m.push(s))
}
