package logs

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/panel-dev/panel/tui/keys"
)

type keyMap struct {
	Start  key.Binding
	Kind   key.Binding
	Build  key.Binding
	Pause  key.Binding
	Follow key.Binding
	Pick   key.Binding
	Retry  key.Binding
	Stop   key.Binding
	List   keys.List
}

func newKeyMap() keyMap {
	return keyMap{
		Start:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "tail")),
		Kind:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "service/deployment")),
		Build:  key.NewBinding(key.WithKeys("ctrl+b"), key.WithHelp("ctrl+b", "runtime/build")),
		Pause:  key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "pause/resume")),
		Follow: key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "follow")),
		Pick:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "other target")),
		Retry:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reconnect")),
		Stop:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "stop and back")),
		List:   keys.NewList(),
	}
}

// ShortHelp lists the keys that work now; listing them claims them.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	if m.state == picking {
		return []key.Binding{k.Start, k.Kind, k.Build, k.Stop}
	}
	k.Retry.SetEnabled(m.state == ended)
	up := key.NewBinding(key.WithKeys("up", "k", "down", "j", "pgup", "pgdown", "home", "g"), key.WithHelp("↑/↓", "scroll"))
	return []key.Binding{k.Pause, up, k.Follow, k.Retry, k.Pick, k.Stop}
}

// FullHelp lists every key that works now: the picker's, or the pane's
// (scrolling once there is more than a screen of lines).
func (m *Model) FullHelp() [][]key.Binding {
	k, l := m.keys, m.keys.List
	if m.state == picking {
		return [][]key.Binding{{k.Start, k.Kind, k.Build, k.Stop}}
	}
	k.Retry.SetEnabled(m.state == ended)
	cols := [][]key.Binding{{k.Pause, k.Follow, k.Retry, k.Pick, k.Stop}}
	if len(m.lines) > m.rows() {
		cols = append(cols, []key.Binding{l.Up, l.Down, l.PageUp, l.PageDown, l.Top})
	}
	return cols
}
