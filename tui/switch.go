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

// The one organization switch path (B15). Whoever asks (the switcher's
// Enter, `-`, creating an organization, accepting an invitation), the root
// runs the operation in a command and reads its progress from a channel,
// one message at a time:
//   - SwitchTokenReady: new generation, the org shows at once from what the
//     list knew, OrgSwitchedMsg to every screen (they reload);
//   - SwitchLoaded: the fresh organization and its project fill in;
//   - done: the status line says how long it took; timers re-arm.

type switchRun func(ctx context.Context, progress func(app.SwitchProgress)) (*app.SwitchResult, error)

// switchStepMsg is one progress report; it re-issues the listener.
type switchStepMsg struct {
	id       int
	progress app.SwitchProgress
	events   <-chan tea.Msg
}

type switchDoneMsg struct {
	id     int
	asker  screenID // gets SwitchFinishedMsg (0: nobody)
	stamp  common.Stamp
	label  string
	target api.Organization
	res    *app.SwitchResult
	err    error
}

func (m *Model) handleSwitch(msg tea.Msg, asker screenID) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case common.SwitchOrgMsg:
		org, a := msg.Org, m.deps.App // copies: the command must not read the model
		run := func(ctx context.Context, p func(app.SwitchProgress)) (*app.SwitchResult, error) {
			return a.SwitchOrganization(ctx, org, p)
		}
		return m.startSwitch(orgLabel(org), org, common.Stamp{}, 0, run), true
	case common.SwitchPreviousOrgMsg:
		return m.switchPrevious(), true
	case common.SwitchViaMsg:
		return m.startSwitch(msg.Label, api.Organization{}, msg.Stamp, asker, msg.Run), true
	case switchStepMsg:
		return m.switchStep(msg), true
	case switchDoneMsg:
		return m.switchDone(msg), true
	}
	return nil, false
}

func (m *Model) switchPrevious() tea.Cmd {
	if m.auth != authSignedIn {
		return nil
	}
	return m.startSwitch("the previous organization", api.Organization{}, common.Stamp{}, 0, m.deps.App.SwitchPrevious)
}

func (m *Model) startSwitch(label string, target api.Organization, stamp common.Stamp, asker screenID, run switchRun) tea.Cmd {
	m.switchSeq++
	m.switchStart = time.Now()
	id, ctx := m.switchSeq, m.ctx.Ctx
	events := make(chan tea.Msg, 8) // at most four steps (a held token refused) and the end: never blocks
	work := func() tea.Msg {
		res, err := run(ctx, func(p app.SwitchProgress) {
			events <- switchStepMsg{id: id, progress: p, events: events}
		})
		events <- switchDoneMsg{id: id, asker: asker, stamp: stamp, label: label, target: target, res: res, err: err}
		return nil
	}
	return tea.Batch(work, listen(events), m.setStatus("Switching to "+label+"…", common.LevelInfo, -1))
}

func listen(events <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg { return <-events }
}

func (m *Model) switchStep(msg switchStepMsg) tea.Cmd {
	next := listen(msg.events)
	if msg.id != m.switchSeq {
		return next // a newer switch started; this one's steps are not shown
	}
	p := msg.progress
	org := p.Organization
	switch p.Step {
	case app.SwitchTokenReady:
		gen := m.ctx.NextGeneration()
		m.ctx.Org, m.ctx.Project = &org, nil
		m.wasOrg = "" // the user chose where to be
		m.header.Stale = false
		m.refreshHeader()
		m.ctx.SessionInfo.OrganizationID = org.ExternalID
		return tea.Batch(next, m.broadcast(common.OrgSwitchedMsg{Org: org, Gen: gen}),
			m.setStatus("Switching to "+orgLabel(org)+"…", common.LevelInfo, -1))
	case app.SwitchLoaded:
		if p.Project == nil {
			m.ctx.Project = nil
		}
		return tea.Batch(next, m.setIdentity(nil, &org, p.Project))
	}
	return next
}

func (m *Model) switchDone(msg switchDoneMsg) tea.Cmd {
	// The answer goes to the screen that asked, if it is still there, whatever the generation now.
	finished := m.deliver(msg.asker, common.SwitchFinishedMsg{Stamp: msg.stamp, Result: msg.res, Err: msg.err})
	if msg.id != m.switchSeq {
		return finished
	}
	elapsed := time.Since(m.switchStart)
	var refused *app.SwitchRefusedError
	var lost *app.MembershipLostError
	switch {
	case msg.err == nil:
	case errors.As(msg.err, &refused):
		reason := fmt.Sprintf("%s asks for a fresh sign-in (%v).", orgLabel(refused.Organization), refused.Err)
		return tea.Batch(finished, m.toSignIn("", reason, refused.Organization.ExternalID))
	case errors.Is(msg.err, auth.ErrSessionRevoked):
		return tea.Batch(finished, m.revoked())
	case errors.As(msg.err, &lost):
		return tea.Batch(finished, m.membershipLost(lost))
	case api.IsValidation(msg.err):
		// The asking screen shows the field errors next to its input.
		return tea.Batch(finished, m.setStatus("", common.LevelInfo, -1))
	default:
		return tea.Batch(finished, m.funnel(fmt.Errorf("switch to %s: %w", msg.label, msg.err)))
	}
	m.LastSwitch = elapsed
	res := msg.res
	cmds := []tea.Cmd{finished, m.armTimers(), m.ensureOrgScreen(), loadOrgOrder(m.deps.App)}
	text := fmt.Sprintf("Switched to %s in %d ms.", orgLabel(res.Organization), elapsed.Milliseconds())
	switch {
	case res.Deactivated:
		m.markDeactivated()
		cmds = append(cmds, m.setStatus(text+" It is deactivated: its data cannot be loaded.", common.LevelWarning, 0))
	case res.ProjectGone != "":
		cmds = append(cmds, m.setStatus(text+" "+projectGoneNotice(res), common.LevelWarning, 0))
	default:
		cmds = append(cmds, m.setStatus(text, common.LevelSuccess, 0))
	}
	return tea.Batch(cmds...)
}

// projectGoneNotice says that the project the organization had when the user
// left it is gone, and what is current instead.
func projectGoneNotice(res *app.SwitchResult) string {
	if res.Project == nil {
		return "Its last project is gone."
	}
	return "Its last project is gone: now on " + res.Project.Name + "."
}

// ensureOrgScreen leaves onboarding once the user has an organization.
func (m *Model) ensureOrgScreen() tea.Cmd {
	if top := m.top(); top != nil && top.Route().Name() == common.RouteOnboarding {
		return m.reset(m.newScreen(common.RouteHome))
	}
	return nil
}

func orgLabel(o api.Organization) string {
	if o.Name != "" {
		return o.Name
	}
	if o.ExternalID != "" {
		return o.ExternalID
	}
	return "the organization"
}
