package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/common"
)

// The screen stack: the root alone pushes and pops; screens ask by message.
// Each screen on it has an id for as long as it stays there (never reused),
// so that results find the screen that asked (router.go).

// screenID names a screen on the stack; 0 is no screen.
type screenID uint64

type entry struct {
	id     screenID
	screen common.Screen
}

func (m *Model) top() common.Screen {
	if len(m.stack) == 0 {
		return nil
	}
	return m.stack[len(m.stack)-1].screen
}

// enter gives s its id.
func (m *Model) enter(s common.Screen) entry {
	m.lastScreenID++
	return entry{id: m.lastScreenID, screen: s}
}

// screenSize is the area left to a screen inside the chrome.
func (m *Model) screenSize() (int, int) {
	return m.width, max(m.height-chromeHeight, 0)
}

// show sizes e's screen and returns its Init; every screen is sized, also
// one pushed after the last resize.
func (m *Model) show(e entry) tea.Cmd {
	w, h := m.screenSize()
	e.screen.SetSize(w, h)
	return m.from(e.id, e.screen.Init())
}

func (m *Model) push(s common.Screen) tea.Cmd {
	e := m.enter(s)
	m.stack = append(m.stack, e)
	m.syncBack()
	return m.show(e)
}

// syncBack shows and enables esc only when there is somewhere to go back to.
func (m *Model) syncBack() { m.ctx.Keys.Back.SetEnabled(len(m.stack) > 1) }

func (m *Model) replace(s common.Screen) tea.Cmd {
	if len(m.stack) > 0 {
		closeScreen(m.stack[len(m.stack)-1].screen)
		m.stack = m.stack[:len(m.stack)-1]
	}
	return m.push(s)
}

// closer is a screen holding something to release when it leaves the stack
// (the log tail's stream).
type closer interface{ Close() }

func closeScreen(s common.Screen) {
	if c, ok := s.(closer); ok {
		c.Close()
	}
}

// back pops the top screen but never the last one.
func (m *Model) back() tea.Cmd {
	if len(m.stack) > 1 {
		closeScreen(m.stack[len(m.stack)-1].screen)
		m.stack = m.stack[:len(m.stack)-1]
	}
	m.syncBack()
	return nil
}

// reset leaves only s on the stack.
func (m *Model) reset(s common.Screen) tea.Cmd {
	for _, old := range m.stack {
		closeScreen(old.screen)
	}
	m.stack = m.stack[:0]
	return m.push(s)
}

// update gives msg to the screen at index i of the stack.
func (m *Model) update(i int, msg tea.Msg) tea.Cmd {
	e := m.stack[i]
	next, cmd := e.screen.Update(msg)
	m.stack[i].screen = next
	return m.from(e.id, cmd)
}

// updateTop sends msg to the top screen only (keys).
func (m *Model) updateTop(msg tea.Msg) tea.Cmd {
	if len(m.stack) == 0 {
		return nil
	}
	return m.update(len(m.stack)-1, msg)
}

// broadcast sends msg to every screen on the stack, for the few messages
// meant for all of them (IdentityMsg, OrgSwitchedMsg); results go to the
// screen that asked (router.go).
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(m.stack))
	for i := range m.stack {
		cmds = append(cmds, m.update(i, msg))
	}
	return tea.Batch(cmds...)
}

func (m *Model) resize(w, h int) {
	m.width, m.height = w, h
	m.help.Width = w
	sw, sh := m.screenSize()
	m.ctx.Width, m.ctx.Height = sw, sh
	for _, e := range m.stack {
		e.screen.SetSize(sw, sh)
	}
}
