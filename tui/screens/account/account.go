// Package account is the `u` screen: who is signed in, the session (id,
// token expiry, where the tokens are stored and why), and `S` to sign out
// (B7: the WorkOS session ends, stored tokens and cached data are dropped,
// and the root shows the sign-in screen).
package account

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/internal/termsafe"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
)

// Route opens the account screen.
const Route common.Route = "account"

// Model is the account screen.
type Model struct {
	ctx        *common.Context
	signOut    key.Binding
	signingOut bool
	width      int
}

// New returns the account screen.
func New(ctx *common.Context) *Model {
	return &Model{ctx: ctx,
		signOut: key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "sign out"))}
}

// Init has nothing to load: the session is in the context.
func (m *Model) Init() tea.Cmd { return nil }

// Update handles a key or a result for this screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if key.Matches(msg, m.signOut) && !m.signingOut {
			m.signingOut = true
			m.signOut.SetEnabled(false)
			return m, common.SignOut() // the root runs it (one generation ends)
		}
	}
	return m, nil
}

// SetSize gives the screen its area.
func (m *Model) SetSize(w, h int) { m.width = w }

// Title names the screen in the header.
func (m *Model) Title() string { return "Account" }

// Route is where this screen is, for `next`.
func (m *Model) Route() common.Route { return Route }

// Capturing is false: no input here takes keys as text.
func (m *Model) Capturing() bool { return false }

// ShortHelp lists the keys that work now; listing them claims them.
func (m *Model) ShortHelp() []key.Binding { return []key.Binding{m.signOut} }

// FullHelp lists every key of the screen, in columns.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{{m.signOut}} }

// View draws the screen.
func (m *Model) View() string {
	t := m.ctx.Theme
	in := m.ctx.SessionInfo
	var b strings.Builder
	row := func(label, value string) {
		if value == "" {
			value = t.Muted.Render("—")
		}
		b.WriteString(components.Field(t, 14, label, value))
	}
	b.WriteString(t.Title.Render("Account") + "\n\n")
	email, name, id := in.Email, "", in.UserID
	if u := m.ctx.User; u != nil {
		email, name, id = u.Email, u.Name, u.ID
	}
	// Names, emails and ids come from the server (B24).
	email, name, id = termsafe.Line(email), termsafe.Line(name), termsafe.Line(id)
	row("Email", email)
	row("Name", name)
	row("User id", id)
	if o := m.ctx.Org; o != nil {
		row("Organization", termsafe.Line(o.Name+" ("+o.ExternalID+")"))
	}
	b.WriteString("\n" + t.Title.Render("Session") + "\n\n")
	row("Session id", termsafe.Line(in.SessionID))
	expiry := ""
	if !in.ExpiresAt.IsZero() {
		expiry = in.ExpiresAt.Local().Format(time.TimeOnly) + t.Muted.Render(" (refreshed 10 s before)")
	}
	row("Token until", expiry)
	row("Storage", termsafe.Line(in.Storage))
	if in.StorageReason != "" {
		b.WriteString(t.Muted.Render(components.WrapWords(termsafe.Line(in.StorageReason), max(m.width, 20))) + "\n")
	}
	b.WriteString("\n")
	if m.signingOut {
		b.WriteString(t.Muted.Render("Signing out…"))
	} else {
		b.WriteString(t.Key.Render("S") + " signs out: ends the session, deletes the stored tokens and cached data.")
	}
	return b.String()
}
