// Package keys owns the key bindings shared by every screen: the global keys
// the root handles (PRODUCT.md "TUI keys") and the list keys components and
// screens reuse. Bindings are bubbles/key values so that bubbles/help shows
// them and a disabled binding neither fires nor shows.
package keys

import "github.com/charmbracelet/bubbles/key"

// Global are the keys the root handles when the visible screen does not
// claim them (see tui/common: key precedence).
type Global struct {
	ForceQuit   key.Binding // ctrl+c: always quits, even inside a text input
	Quit        key.Binding
	Back        key.Binding
	Help        key.Binding
	Home        key.Binding
	Orgs        key.Binding
	PreviousOrg key.Binding
	Projects    key.Binding
	Invitations key.Binding
	Members     key.Binding
	Logs        key.Binding
	Account     key.Binding
}

// NewGlobal returns the global bindings.
func NewGlobal() Global {
	return Global{
		ForceQuit:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Quit:        key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Back:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Home:        key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "home")),
		Orgs:        key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "organizations")),
		PreviousOrg: key.NewBinding(key.WithKeys("-"), key.WithHelp("-", "previous org")),
		Projects:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "projects")),
		Invitations: key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "invitations")),
		Members:     key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "members")),
		Logs:        key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "logs")),
		Account:     key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "account")),
	}
}

// Navigation are the globals that open a screen or switch organization;
// they are disabled while signed out (outside the auth gate).
func (g *Global) Navigation() []*key.Binding {
	return []*key.Binding{&g.Home, &g.Orgs, &g.PreviousOrg, &g.Projects, &g.Invitations, &g.Members, &g.Logs, &g.Account}
}

// SetSignedIn enables or disables the navigation globals.
func (g *Global) SetSignedIn(signedIn bool) {
	for _, b := range g.Navigation() {
		b.SetEnabled(signedIn)
	}
}

// ShortHelp is the footer's part for globals.
func (g Global) ShortHelp() []key.Binding {
	return []key.Binding{g.Orgs, g.PreviousOrg, g.Back, g.Help, g.Quit}
}

// FullHelp is every global, for the help screen.
func (g Global) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{g.Home, g.Orgs, g.PreviousOrg, g.Projects},
		{g.Invitations, g.Members, g.Logs, g.Account},
		{g.Back, g.Help, g.Quit, g.ForceQuit},
	}
}

// All returns every global binding (for key precedence checks).
func (g Global) All() []key.Binding {
	var all []key.Binding
	for _, col := range g.FullHelp() {
		all = append(all, col...)
	}
	return all
}

// List are the movement keys of every list.
type List struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding
	Select   key.Binding
	Filter   key.Binding // "/" focuses the filter
	Retry    key.Binding // "r" in the error state
}

// NewList returns the list bindings.
func NewList() List {
	return List{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "top")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "bottom")),
		Select:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "select")),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Retry:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "retry")),
	}
}

// Input are the keys of a focused text input, filter or modal.
type Input struct {
	Submit key.Binding
	Cancel key.Binding
}

// NewInput returns the input bindings.
func NewInput() Input {
	return Input{
		Submit: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "submit")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}
