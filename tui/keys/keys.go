// Package keys owns the key bindings shared by every screen: the global keys
// the root handles and the list keys components and screens reuse. Bindings are bubbles/key values so that bubbles/help shows
// them and a disabled binding neither fires nor shows.
package keys

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Global are the keys the root handles when the visible screen does not
// claim them (see tui/common: key precedence). The keys that open a screen
// come from the screen registry (tui/common.Registry), one per row.
type Global struct {
	ForceQuit   key.Binding // ctrl+c: always quits, even inside a text input
	Quit        key.Binding
	Back        key.Binding
	Help        key.Binding
	PreviousOrg key.Binding
	// Screens open a screen each, in the registry's order.
	Screens []ScreenKey
}

// ScreenKey is the global key of one screen of the registry.
type ScreenKey struct {
	Route   string // the screen's route
	Binding key.Binding
	// SignedOut: the screen opens without a session, so the key stays on.
	SignedOut bool
	// InFooter: the key shows in every screen's footer.
	InFooter bool
}

// NewGlobal returns the global bindings with the keys of the screens.
func NewGlobal(screens ...ScreenKey) Global {
	return Global{
		ForceQuit:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Quit:        key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Back:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		PreviousOrg: key.NewBinding(key.WithKeys("-"), key.WithHelp("-", "previous org")),
		Screens:     append([]ScreenKey(nil), screens...),
	}
}

// Navigation are the globals that open a screen of the signed-in user or
// switch organization; they are disabled while signed out (outside the auth
// gate).
func (g *Global) Navigation() []*key.Binding {
	var nav []*key.Binding
	for i := range g.Screens {
		if !g.Screens[i].SignedOut {
			nav = append(nav, &g.Screens[i].Binding)
		}
	}
	return append(nav, &g.PreviousOrg)
}

// SetSignedIn enables or disables the navigation globals.
func (g *Global) SetSignedIn(signedIn bool) {
	for _, b := range g.Navigation() {
		b.SetEnabled(signedIn)
	}
}

// Screen returns the route whose enabled key msg is ("" when none).
func (g Global) Screen(msg tea.KeyMsg) string {
	for _, s := range g.Screens {
		if key.Matches(msg, s.Binding) {
			return s.Route
		}
	}
	return ""
}

// ShortHelp is the footer's part for globals.
func (g Global) ShortHelp() []key.Binding {
	var out []key.Binding
	for _, s := range g.Screens {
		if s.InFooter {
			out = append(out, s.Binding)
		}
	}
	return append(out, g.PreviousOrg, g.Back, g.Help, g.Quit)
}

// FullHelp is every global, for the help screen: the screens and the
// switch back in columns of four, then leaving and help.
func (g Global) FullHelp() [][]key.Binding {
	var nav []key.Binding
	for _, s := range g.Screens {
		nav = append(nav, s.Binding)
	}
	nav = append(nav, g.PreviousOrg)
	var cols [][]key.Binding
	for len(nav) > 0 {
		n := min(len(nav), 4)
		cols = append(cols, nav[:n])
		nav = nav[n:]
	}
	return append(cols, []key.Binding{g.Back, g.Help, g.Quit, g.ForceQuit})
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
