package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
)

// Quitting waits for the token exchanges still running (a switch's refresh, a sign-in's code): they were
// sent, so their single-use credential is spent, and only their stored answer keeps the session. When the
// wait lasts, the status line says so; a second quit key changes nothing.

// finishingMsg: the wait lasts; done closes when it is over.
type finishingMsg struct{ done <-chan struct{} }

func (m *Model) quit() tea.Cmd {
	if m.quitting {
		return nil
	}
	m.quitting = true
	return func() tea.Msg {
		done := make(chan struct{})
		lasting := make(chan struct{}, 1)
		go func() {
			defer close(done)
			app.FinishExchanges(0, func() { lasting <- struct{}{} })
		}()
		select {
		case <-done:
			return tea.QuitMsg{}
		case <-lasting:
			return finishingMsg{done: done}
		}
	}
}

func (m *Model) finishing(msg finishingMsg) tea.Cmd {
	return tea.Batch(m.setStatus(app.FinishingNotice, common.LevelInfo, -1), func() tea.Msg {
		<-msg.done
		return tea.QuitMsg{}
	})
}
