package orgs

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/common"
)

// Keys typed ahead (`o`, a name, enter in one go, as over SSH or from tmux)
// reach the switcher before its first page: an enter on a filter that
// matches nothing yet switches once every page is in, to the best match.

// enterBeforeLoaded remembers an enter that found nothing to select while
// pages are still coming.
func (m *Model) enterBeforeLoaded(msg tea.KeyMsg) bool {
	if msg.Type != tea.KeyEnter || m.complete || m.list.FilterValue() == "" {
		return false
	}
	if _, ok := m.selected(); ok {
		return false
	}
	m.switchWhenLoaded = m.list.FilterValue()
	return true
}

// typedAheadSwitch runs the remembered enter once the walk is complete (the
// filter still the one it was given on), or says that nothing matched.
func (m *Model) typedAheadSwitch() tea.Cmd {
	if m.switchWhenLoaded == "" || !m.complete {
		return nil
	}
	q := m.switchWhenLoaded
	m.switchWhenLoaded = ""
	if q != m.list.FilterValue() {
		return nil
	}
	if _, ok := m.selected(); !ok {
		return common.Status("No organization matches " + q)
	}
	return m.switchToSelected()
}
