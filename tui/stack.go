package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/common"
)

// The screen stack: the root alone pushes and pops; screens ask by message.

func (m *Model) top() common.Screen {
	if len(m.stack) == 0 {
		return nil
	}
	return m.stack[len(m.stack)-1]
}

// screenSize is the area left to a screen inside the chrome.
func (m *Model) screenSize() (int, int) {
	return m.width, max(m.height-chromeHeight, 0)
}

// show sizes s and returns its Init; every screen is sized, also one pushed
// after the last resize.
func (m *Model) show(s common.Screen) tea.Cmd {
	w, h := m.screenSize()
	s.SetSize(w, h)
	return s.Init()
}

func (m *Model) push(s common.Screen) tea.Cmd {
	m.stack = append(m.stack, s)
	m.syncBack()
	return m.show(s)
}

// syncBack shows and enables esc only when there is somewhere to go back to.
func (m *Model) syncBack() { m.ctx.Keys.Back.SetEnabled(len(m.stack) > 1) }

func (m *Model) replace(s common.Screen) tea.Cmd {
	if len(m.stack) > 0 {
		closeScreen(m.stack[len(m.stack)-1])
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
		closeScreen(m.stack[len(m.stack)-1])
		m.stack = m.stack[:len(m.stack)-1]
	}
	m.syncBack()
	return nil
}

// reset leaves only s on the stack.
func (m *Model) reset(s common.Screen) tea.Cmd {
	for _, old := range m.stack {
		closeScreen(old)
	}
	m.stack = m.stack[:0]
	return m.push(s)
}

// updateTop sends msg to the top screen only (keys).
func (m *Model) updateTop(msg tea.Msg) tea.Cmd {
	top := m.top()
	if top == nil {
		return nil
	}
	next, cmd := top.Update(msg)
	m.stack[len(m.stack)-1] = next
	return cmd
}

// broadcast sends msg to every screen on the stack: a screen under a help
// page still receives the results it asked for (stamps keep them apart).
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(m.stack))
	for i, s := range m.stack {
		next, cmd := s.Update(msg)
		m.stack[i] = next
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

func (m *Model) resize(w, h int) {
	m.width, m.height = w, h
	m.help.Width = w
	sw, sh := m.screenSize()
	m.ctx.Width, m.ctx.Height = sw, sh
	for _, s := range m.stack {
		s.SetSize(sw, sh)
	}
}
