package tui

import (
	"context"
	"errors"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/tui/common"
)

// Two timers run while signed in, each one chain of ticks per generation:
// the token refresh 10 s before expiry (B9) and the session check every
// 60 s (B10). A tick of an older generation (a switch, a sign-out happened)
// is dropped and its chain ends with it.

const (
	refreshMargin   = 10 * time.Second
	checkEvery      = 60 * time.Second
	checkBackoff    = 3 * time.Minute  // after a 429
	refreshRetry    = 15 * time.Second // after a network failure
	refreshFallback = 30 * time.Second // expiry unknown
)

type refreshTickMsg struct{ gen common.Generation }

type refreshedMsg struct {
	gen  common.Generation
	info auth.Info
	err  error
}

type checkTickMsg struct{ gen common.Generation }

type checkedMsg struct {
	gen common.Generation
	org *api.Organization
	err error
}

// armTimers starts both chains for the current generation, once. The
// refresh chain starts by reading the token's expiry (a new token after a
// switch or a sign-in).
func (m *Model) armTimers() tea.Cmd {
	gen := m.ctx.Generation()
	if m.armedGen == gen {
		return nil
	}
	m.armedGen = gen
	return tea.Batch(refresh(m.ctx.Ctx, m.deps.App.Session, gen), checkAfter(gen, m.checkEvery()))
}

// checkEvery is the session check's period.
func (m *Model) checkEvery() time.Duration {
	if m.deps.SessionCheckEvery > 0 {
		return m.deps.SessionCheckEvery
	}
	return checkEvery
}

func untilRefresh(expires time.Time) time.Duration {
	if expires.IsZero() {
		return refreshFallback
	}
	return max(time.Until(expires)-refreshMargin, time.Second)
}

func (m *Model) refreshAfter(d time.Duration) tea.Cmd {
	gen := m.ctx.Generation()
	return tea.Tick(d, func(time.Time) tea.Msg { return refreshTickMsg{gen: gen} })
}

func checkAfter(gen common.Generation, d time.Duration) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return checkTickMsg{gen: gen} })
}

func refresh(ctx context.Context, s *auth.Session, gen common.Generation) tea.Cmd {
	return func() tea.Msg {
		if _, err := s.Token(ctx); err != nil {
			return refreshedMsg{gen: gen, err: err}
		}
		info, err := s.Info(ctx)
		return refreshedMsg{gen: gen, info: info, err: err}
	}
}

func checkSession(ctx context.Context, a *app.App, gen common.Generation) tea.Cmd {
	return func() tea.Msg {
		org, err := a.CheckSession(ctx)
		return checkedMsg{gen: gen, org: org, err: err}
	}
}

func (m *Model) handleTimer(msg tea.Msg) tea.Cmd {
	gen := m.ctx.Generation()
	switch msg := msg.(type) {
	case refreshTickMsg:
		if msg.gen == gen && m.auth == authSignedIn {
			return refresh(m.ctx.Ctx, m.deps.App.Session, gen)
		}
	case refreshedMsg:
		if msg.gen != gen {
			return nil
		}
		if msg.err != nil {
			if errors.Is(msg.err, auth.ErrLoginRequired) {
				return m.funnel(msg.err)
			}
			return m.refreshAfter(refreshRetry) // offline: keep the session, try again
		}
		m.ctx.SessionInfo = msg.info
		return m.refreshAfter(untilRefresh(msg.info.ExpiresAt))
	case checkTickMsg:
		if msg.gen != gen {
			return nil
		}
		if m.auth != authSignedIn {
			return checkAfter(gen, m.checkEvery())
		}
		return checkSession(m.ctx.Ctx, m.deps.App, gen)
	case checkedMsg:
		if msg.gen != gen {
			return nil
		}
		return m.sessionChecked(msg)
	}
	return nil
}

// sessionChecked applies a periodic check: revoked signs out (B10), no
// organization is onboarding (B23), anything else keeps the session.
func (m *Model) sessionChecked(msg checkedMsg) tea.Cmd {
	gen := m.ctx.Generation()
	var lost *app.MembershipLostError
	switch {
	case errors.Is(msg.err, auth.ErrSessionRevoked):
		return m.revoked()
	case errors.As(msg.err, &lost):
		return m.membershipLost(lost)
	case errors.Is(msg.err, auth.ErrLoginRequired) || api.IsUnauthenticated(msg.err):
		return m.funnel(msg.err)
	case api.IsRateLimited(msg.err):
		return tea.Batch(checkAfter(gen, checkBackoff),
			m.setStatus("The API is rate limiting panel; checking less often.", common.LevelWarning, 0))
	case api.IsOrgDeactivated(msg.err):
		m.markDeactivated()
		return checkAfter(gen, m.checkEvery())
	case msg.err != nil:
		return tea.Batch(checkAfter(gen, m.checkEvery()),
			m.setStatus(fmt.Sprintf("Session check failed (%v); retrying.", msg.err), common.LevelWarning, 0))
	case msg.org == nil:
		m.ctx.Org, m.ctx.Project = nil, nil
		m.refreshHeader()
		if m.top().Route().Name() == common.RouteOnboarding {
			return checkAfter(gen, m.checkEvery())
		}
		return tea.Batch(checkAfter(gen, m.checkEvery()), m.reset(m.newScreen(common.RouteOnboarding)))
	}
	m.header.Stale = false
	cmds := []tea.Cmd{checkAfter(gen, m.checkEvery()), m.setIdentity(nil, msg.org, nil)}
	if m.unreachable { // the API is back: the gate's warning no longer holds
		m.unreachable = false
		cmds = append(cmds, m.setStatus("", common.LevelInfo, -1))
	}
	return tea.Batch(cmds...)
}
