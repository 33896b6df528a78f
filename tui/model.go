package tui

import (
	"context"
	"time"

	bhelp "github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
)

// authPhase is where the auth gate stands.
type authPhase int

const (
	authUnknown   authPhase = iota // reading the stored session (no network)
	authGating                     // profile and current organization in flight
	authSignedIn                   // the gate passed (or the network is down with a stored session)
	authSignedOut                  // on the sign-in screen
)

// Model is the root model.
type Model struct {
	ctx     *common.Context
	deps    Deps
	screens *common.Registry

	stack         []entry
	lastScreenID  screenID
	width, height int
	help          bhelp.Model
	header        header
	status        statusLine
	orgOrder      app.OrganizationOrder // recent and pinned: the header's colours are spread over them

	auth         authPhase
	pending      common.Route // opened before the gate passed, or `next`
	justSignedIn bool         // B6: a 401 now is not a reason to sign in again
	// asked is the organization the last sign-in set out to land in: the gate tells the user when the
	// session landed elsewhere (B28).
	asked *api.Organization
	// wasOrg names the organization a sign-in moved the user out of without being asked: the header
	// shows it until the user switches.
	wasOrg      string
	unreachable bool // the gate passed without the API: its warning stays until a check gets through
	armedGen    common.Generation

	switchSeq   int // the current switch; older switches' steps are dropped
	switchStart time.Time
	// LastSwitch is how long the last organization switch took (measured
	// from the key to the loaded organization), for the status line.
	LastSwitch time.Duration
	quitting   bool // waiting for running token exchanges before quitting (quit.go)
}

// New builds the root model with its first frame drawn from the local store
// (B-start-fast): last known user, organization and project, before any
// network answer.
func New(ctx context.Context, d Deps) *Model { return newModel(ctx, d, Screens()) }

// newModel is New with the screens of reg (tests add a screen of their own).
func newModel(ctx context.Context, d Deps, reg *common.Registry) *Model {
	c := common.NewContext(ctx, d.NoColor, reg)
	c.App = d.App
	m := &Model{ctx: c, deps: d, screens: reg, help: bhelp.New(), pending: d.Start}
	m.help.Styles = c.Theme.Help
	m.orgOrder = d.App.OrganizationOrder()
	m.loadLastKnown()
	m.ctx.Keys.SetSignedIn(false)
	if d.SignInReason != "" {
		m.stack = []entry{m.enter(m.signInScreen(d.Start, d.SignInReason, organizationNamed(d.SignInOrganization), false))}
		m.setAuth(authSignedOut)
		m.syncBack()
		return m
	}
	m.stack = []entry{m.enter(m.newScreen(common.RouteHome))}
	if m.outsideGate(d.Start) {
		// Outside the gate: the landing shows at once, over home.
		m.stack = append(m.stack, m.enter(m.newScreen(d.Start)))
	}
	m.syncBack()
	return m
}

// setAuth moves the auth gate to p; screens outside the gate (the
// invitation landing) read Context.SignedOut.
func (m *Model) setAuth(p authPhase) {
	m.auth = p
	m.ctx.SignedOut = p == authSignedOut
}

// Context exposes the shared context (tests, the demo).
func (m *Model) Context() *common.Context { return m.ctx }

// Init starts the first screen and, while the session is unknown, reads it.
func (m *Model) Init() tea.Cmd {
	top := m.stack[len(m.stack)-1]
	cmds := []tea.Cmd{m.from(top.id, top.screen.Init())}
	if m.auth == authUnknown {
		cmds = append(cmds, m.loadSession())
	}
	return tea.Batch(cmds...)
}

// Update routes a message: window size and keys to the chrome, requests to
// the root, results to the screen that asked (router.go).
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return m, nil
	case tea.KeyMsg:
		return m, m.handleKey(msg)
	case envelope:
		return m, m.fromScreen(msg)
	}
	if cmd, handled := m.handle(msg, 0); handled {
		return m, cmd
	}
	return m, m.updateTop(msg) // from outside the program: for the screen in view
}

// fromScreen handles what a screen's command returned: a request to the
// root (an error only while its generation lasts), or a result for it.
func (m *Model) fromScreen(e envelope) tea.Cmd {
	if _, ok := e.msg.(common.ErrorMsg); ok && e.gen != m.ctx.Generation() {
		return nil // an error about the organization we left
	}
	if cmd, handled := m.handle(e.msg, e.to); handled {
		return cmd
	}
	return m.route(e)
}

// handle applies the root's own messages; asker is the screen that sent
// msg (0: the root), for the answer of a switch it asked for.
func (m *Model) handle(msg tea.Msg, asker screenID) (tea.Cmd, bool) {
	if cmd, handled := m.handleNavigation(msg); handled {
		return cmd, true
	}
	if cmd, handled := m.handleSession(msg); handled {
		return cmd, true
	}
	return m.handleSwitch(msg, asker)
}

// handleNavigation applies the screens' navigation and status requests.
func (m *Model) handleNavigation(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case common.PushMsg:
		return m.push(msg.Screen), true
	case common.ReplaceMsg:
		return m.replace(msg.Screen), true
	case common.BackMsg:
		return m.back(), true
	case common.OpenMsg:
		return m.open(msg.Route, msg.Reset), true
	case common.SignInMsg:
		return m.signInStarting(msg), true
	case common.SignedInMsg:
		return m.signedIn(msg.Next, msg.Asked), true
	case common.SignedOutMsg:
		return m.signedOut(msg.Reason), true
	case common.SignOutMsg:
		return m.signOut(), true
	case signOutDoneMsg:
		return m.signOutDone(msg), true
	case common.QuitMsg:
		return m.quit(), true
	case finishingMsg:
		return m.finishing(msg), true
	case common.ErrorMsg:
		if !msg.Stamp.IsZero() && !m.ctx.IsCurrent(msg.Stamp) {
			return nil, true // an error about the organization we left
		}
		return m.funnel(msg.Err), true
	case common.StatusMsg:
		return m.setStatus(msg.Text, msg.Level, msg.For), true
	case statusClearMsg:
		if msg.seq == m.status.seq {
			m.status = statusLine{seq: m.status.seq}
		}
		return nil, true
	case orgOrderMsg:
		m.orgOrder = msg.order
		return nil, true
	case common.ProjectChosenMsg:
		p := msg.Project
		m.ctx.Project = &p
		m.refreshHeader()
		return m.broadcast(common.IdentityMsg{User: m.ctx.User, Org: m.ctx.Org, Project: m.ctx.Project}), true
	}
	return nil, false
}
