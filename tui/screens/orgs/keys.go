package orgs

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/panel-dev/panel/tui/keys"
)

// keyMap are the switcher's own keys. None is a printable character: the
// filter is always focused, so letters are text.
type keyMap struct {
	Create key.Binding
	Pin    key.Binding
	Switch key.Binding
	Back   key.Binding
	List   keys.List
}

func newKeyMap() keyMap {
	return keyMap{
		Create: key.NewBinding(key.WithKeys("ctrl+n"), key.WithHelp("ctrl+n", "new organization")),
		Pin:    key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", "pin/unpin")),
		Switch: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "switch")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter / back")),
		List:   keys.NewList(),
	}
}

// ShortHelp lists the keys that work now.
func (m *Model) ShortHelp() []key.Binding {
	if m.form != nil {
		return m.form.Help()
	}
	up := key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", "move"))
	return []key.Binding{m.keys.Switch, up, m.keys.Create, m.keys.Pin, m.keys.Back}
}

// FullHelp lists every key of the screen.
func (m *Model) FullHelp() [][]key.Binding {
	l := m.keys.List
	return [][]key.Binding{
		{m.keys.Switch, m.keys.Create, m.keys.Pin, m.keys.Back},
		{l.PageUp, l.PageDown, l.Retry},
	}
}
