package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/common"
)

// handleKey applies the key precedence: ctrl+c; a capturing screen (text
// input, filter, modal); keys the screen claims in its help; the globals
// (the screens' keys come from the registry); whatever is left goes to the
// screen.
func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	g := m.ctx.Keys
	if key.Matches(msg, g.ForceQuit) {
		return tea.Quit
	}
	top := m.top()
	if top == nil {
		return nil
	}
	if top.Capturing() || claims(top, msg) {
		return m.updateTop(msg)
	}
	switch {
	case key.Matches(msg, g.Quit):
		return tea.Quit
	case key.Matches(msg, g.Back):
		return m.back()
	case key.Matches(msg, g.Help):
		return m.open(common.RouteHelp, false)
	case key.Matches(msg, g.PreviousOrg):
		return m.switchPrevious()
	}
	if r := g.Screen(msg); r != "" {
		return m.open(common.Route(r), true)
	}
	return m.updateTop(msg)
}

// claims reports whether the screen lists msg among its own enabled keys.
func claims(s common.Screen, msg tea.KeyMsg) bool {
	for _, col := range s.FullHelp() {
		if key.Matches(msg, col...) {
			return true
		}
	}
	return key.Matches(msg, s.ShortHelp()...)
}
