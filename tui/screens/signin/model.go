// Package signin is the sign-in screen, outside the auth gate: Enter signs
// in through the browser (the URL is shown, `c` copies it with OSC 52, and a
// redirected address can be pasted back, B2), `d` uses a device code with a
// QR code, `s` signs up. A user in several organizations picks one here
// (B3a). After signing in the screen sends common.SignedInMsg with the
// `next` route carried through the sign-in state (B4); it never starts a
// sign-in by itself, so a token the API rejects cannot loop (B6).
package signin

import (
	"context"
	"io"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
)

// Options say why and where to the user signs in.
type Options struct {
	Next           common.Route // where to land afterwards ("" = home)
	Reason         string       // shown on top: "your session was revoked"
	OrganizationID string       // sign in to this organization (a refused switch, B15; where the user was, B28)
	// OrganizationName names OrganizationID for the user ("" = unknown).
	OrganizationName string
	// Resuming: OrganizationID is where the replaced session was, not one the user asked for. When
	// WorkOS refuses it (the user left it meanwhile), the sign-in starts again without it.
	Resuming  bool
	Email     string    // login hint
	Browser   string    // BROWSER command ("" = the system's opener)
	Clipboard io.Writer // where the OSC 52 copy sequence goes (nil = stderr)
}

type phase int

const (
	phaseIdle      phase = iota // choose how to sign in
	phaseStarting               // building the URL or asking for a device code
	phaseBrowser                // waiting for the browser's redirect or a pasted one
	phaseDevice                 // waiting for the device code's approval
	phasePickOrg                // B3a: choose the organization
	phaseFinishing              // exchanging the code / selecting the organization
)

// Model is the sign-in screen.
type Model struct {
	ctx  *common.Context
	opts Options
	keys keyMap

	phase   phase
	attempt int // results of older attempts are dropped
	// attemptCtx is the current attempt's context, captured by its commands;
	// cancel ends its wait.
	attemptCtx context.Context
	cancel     context.CancelFunc
	signUp     bool
	other      bool // sign in as someone else (prompt=login)
	byDevice   bool // the organization to choose came from a device sign-in
	// asked is the organization the sign-in set out to land in (kept when a refusal drops it from
	// the next attempt): the root compares it with where the session lands (B28).
	asked *app.Organization

	login      *app.BrowserSignIn
	browserErr error // the browser could not be opened: the URL is the way
	paste      textinput.Model
	pasteErr   string
	copied     bool

	device *app.DeviceSignIn

	selection *app.OrganizationChoice
	cursor    int

	err           error // shown in place; Enter starts again
	width, height int
}

// New returns the sign-in screen.
func New(ctx *common.Context, opts Options) *Model {
	ti := textinput.New()
	ti.Placeholder = ctx.Theme.Placeholder("http://127.0.0.1:…/callback?code=…&state=…")
	ti.Prompt = "paste › "
	ti.CharLimit = 4096
	m := &Model{ctx: ctx, opts: opts, keys: newKeyMap(), paste: ti}
	if opts.OrganizationID != "" {
		m.asked = &app.Organization{ExternalID: opts.OrganizationID, Name: opts.OrganizationName}
	}
	return m
}

// Init has nothing to start: sign-in begins on a key.
func (m *Model) Init() tea.Cmd { return nil }

// SetSize gives the screen its area.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.paste.Width = max(w-12, 10)
}

// Title names the screen in the header.
func (m *Model) Title() string { return "Sign in" }

// Route is where this screen is, for `next`.
func (m *Model) Route() common.Route { return common.RouteSignIn }

// Capturing is true while the paste box is focused: it takes every key.
func (m *Model) Capturing() bool { return m.paste.Focused() }

// ShortHelp lists the keys that work now; listing them claims them.
func (m *Model) ShortHelp() []key.Binding {
	m.keys.update(m)
	k := m.keys
	return []key.Binding{k.Start, k.SignUp, k.Other, k.Device, k.Invitation, k.Copy, k.Paste, k.Choose, k.Submit, k.Cancel}
}

// FullHelp lists every key of the screen, in columns.
func (m *Model) FullHelp() [][]key.Binding {
	m.keys.update(m)
	k := m.keys
	return [][]key.Binding{{k.Start, k.SignUp, k.Other, k.Device, k.Invitation}, {k.Copy, k.Paste, k.Submit}, {k.Up, k.Down, k.Choose, k.Cancel}}
}

// Begin starts the browser sign-in (or sign-up) at once, for a screen where
// the user already chose how (the invitation landing's enter and s).
func (m *Model) Begin(signUp bool) tea.Cmd {
	if m.phase != phaseIdle {
		return nil
	}
	m.signUp, m.other = signUp, false
	return m.startBrowser()
}

// Next is where the user lands after signing in.
func (m *Model) Next() common.Route { return m.opts.Next }

// stop ends the current attempt (its listener and its wait).
func (m *Model) stop() {
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
	if m.login != nil {
		_ = m.login.Close()
		m.login = nil
	}
	m.device = nil
	m.paste.Blur()
	m.paste.Reset()
	m.pasteErr, m.copied, m.browserErr = "", false, nil
}

// Link is the address the user opens: the authorize URL of a browser
// sign-in, or the verification link of a device sign-in ("" when idle).
func (m *Model) Link() string { return m.copyText() }
