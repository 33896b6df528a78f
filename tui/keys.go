package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/common"
)

// handleKey splits what arrived in one read into keys, then applies each.
// Bubble Tea v1 reads a run of printable characters typed faster than one
// read (fast typing over SSH, a paste without bracketed paste, `tmux
// send-keys 'oglob'`) as one message with several runes: each rune is a key
// of its own, until a text input has focus, which takes the rest as typed.
// A bracketed paste stays one piece of text.
func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	if msg.Type != tea.KeyRunes || len(msg.Runes) < 2 || msg.Paste {
		return m.handleOneKey(msg)
	}
	var cmds []tea.Cmd
	for i, r := range msg.Runes {
		if top := m.top(); top != nil && top.Capturing() {
			rest := msg
			rest.Runes = msg.Runes[i:]
			return tea.Batch(append(cmds, m.handleOneKey(rest))...)
		}
		cmds = append(cmds, m.handleOneKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
	}
	return tea.Batch(cmds...)
}

// handleOneKey applies the key precedence: ctrl+c; a capturing screen (text
// input, filter, modal); keys the screen claims in its help; the globals
// (the screens' keys come from the registry); whatever is left goes to the
// screen.
func (m *Model) handleOneKey(msg tea.KeyMsg) tea.Cmd {
	g := m.ctx.Keys
	if key.Matches(msg, g.ForceQuit) {
		return m.quit()
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
		return m.quit()
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
