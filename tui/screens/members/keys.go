package members

import (
	"github.com/charmbracelet/bubbles/key"
)

type keyMap struct {
	Remove key.Binding
	Leave  key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Remove: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "remove member")),
		Leave:  key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "leave organization")),
	}
}

// ShortHelp lists the keys that work now; listing them claims them.
func (m *Model) ShortHelp() []key.Binding {
	switch {
	case m.ask != nil:
		return m.ask.ShortHelp()
	case m.list.FilterFocused():
		return m.list.ShortHelp()
	}
	k := m.keys
	_, ok := m.list.Selected()
	k.Remove.SetEnabled(ok)
	return append([]key.Binding{k.Remove, k.Leave}, m.list.ShortHelp()...)
}

// FullHelp lists every key of the screen.
func (m *Model) FullHelp() [][]key.Binding {
	return append([][]key.Binding{{m.keys.Remove, m.keys.Leave}}, m.list.FullHelp()...)
}
