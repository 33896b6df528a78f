// Package onboarding is the screen of a signed-in user without an
// organization (B23: a new sign-up, or the last membership gone). It is
// never an error: it lists the invitations the user received (`a` accepts
// and switches into that organization, `d` declines) and offers to create an
// organization (`n`, B20 rules checked as you type, API field errors shown
// under the name).
package onboarding

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
	"github.com/panel-dev/panel/tui/screens/internal/listscreen"
	"github.com/panel-dev/panel/tui/screens/internal/orgform"
)

// Model is the onboarding screen.
type Model struct {
	ctx  *common.Context
	keys keyMap
	list *listscreen.Feed[app.Invitation, []app.Invitation]
	form *orgform.Form

	acting  common.Stamp // accept (via the root's switch) or decline in flight
	working string       // what is in flight, for the view

	width, height int
}

type keyMap struct {
	Accept, Decline, Create key.Binding
}

// New returns the onboarding screen.
func New(ctx *common.Context) *Model {
	m := &Model{ctx: ctx, keys: keyMap{
		Accept:  key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "accept")),
		Decline: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "decline")),
		Create:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "create an organization")),
	}}
	m.list = listscreen.New(ctx, components.ListOptions[app.Invitation]{
		Noun:   "invitations",
		Empty:  "No invitation is waiting for you. Press n to create an organization.",
		Text:   invitationText,
		Key:    func(i app.Invitation) string { return i.ID },
		Row:    invitationRow(ctx),
		Select: "accept",
	}, m.invitations)
	// Nothing else here says what went wrong: the error as it is, on the
	// status line too.
	m.list.ReportErrors, m.list.ErrorText = true, error.Error
	return m
}

// Init loads the pending invitations of the signed-in user.
func (m *Model) Init() tea.Cmd { return m.list.Reload(false) }

// SetSize gives the screen its area.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.list.SetSize(w, max(h-headerLines, 0))
}

// Title names the screen in the header.
func (m *Model) Title() string { return "Welcome" }

// Route is where this screen is, for `next`.
func (m *Model) Route() common.Route { return common.RouteOnboarding }

// Capturing is true while the name form or the list filter takes every key.
func (m *Model) Capturing() bool { return m.form != nil || m.list.FilterFocused() }

// ShortHelp lists the keys that work now; listing them claims them.
func (m *Model) ShortHelp() []key.Binding {
	if m.form != nil {
		return m.form.Help()
	}
	m.updateKeys()
	return append([]key.Binding{m.keys.Accept, m.keys.Decline, m.keys.Create}, m.list.ShortHelp()...)
}

// FullHelp lists every key of the screen, in columns.
func (m *Model) FullHelp() [][]key.Binding {
	m.updateKeys()
	return append([][]key.Binding{{m.keys.Accept, m.keys.Decline, m.keys.Create}}, m.list.FullHelp()...)
}

func (m *Model) updateKeys() {
	_, ok := m.list.Selected()
	idle := m.acting.IsZero()
	m.keys.Accept.SetEnabled(ok && idle)
	m.keys.Decline.SetEnabled(ok && idle)
	m.keys.Create.SetEnabled(idle)
}
