package components

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/theme"
)

// Question is a modal over a screen and what its yes does: a yes/no Confirm
// before a destructive action, or a TypeConfirm before one that cannot be
// undone. While it is up it takes every key.
type Question struct {
	update func(tea.Msg) (tea.Cmd, ModalResult)
	view   func() string
	help   func() []key.Binding
	value  func() string
	yes    func() tea.Cmd
}

// AskYesNo returns a yes/no question; yes runs (in Update) when confirmed.
func AskYesNo(th *theme.Theme, question string, yes func() tea.Cmd) *Question {
	c := NewConfirm(th, question)
	return &Question{yes: yes,
		update: func(msg tea.Msg) (tea.Cmd, ModalResult) {
			var r ModalResult
			c, r = c.Update(msg)
			return nil, r
		},
		view:  func() string { return c.View() },
		help:  func() []key.Binding { return c.ShortHelp() },
		value: func() string { return "" },
	}
}

// AskTyped returns a question confirmed by typing expected, and the input's
// first command (the cursor).
func AskTyped(th *theme.Theme, question, expected string, yes func() tea.Cmd) (*Question, tea.Cmd) {
	t, cmd := NewTypeConfirm(th, question, expected)
	return &Question{yes: yes,
		update: func(msg tea.Msg) (tea.Cmd, ModalResult) {
			var c tea.Cmd
			var r ModalResult
			t, c, r = t.Update(msg)
			return c, r
		},
		view:  func() string { return t.View() },
		help:  func() []key.Binding { return t.ShortHelp() },
		value: func() string { return t.Value() },
	}, cmd
}

// Update gives the question a message; closed is true once it is answered
// (a yes has run and its command is returned).
func (q *Question) Update(msg tea.Msg) (cmd tea.Cmd, closed bool) {
	cmd, r := q.update(msg)
	switch r {
	case ModalConfirmed:
		return q.yes(), true
	case ModalCanceled:
		return nil, true
	}
	return cmd, false
}

// View draws the modal.
func (q *Question) View() string { return q.view() }

// ShortHelp are the modal's keys.
func (q *Question) ShortHelp() []key.Binding { return q.help() }

// Value is the text typed so far ("" for a yes/no question).
func (q *Question) Value() string { return q.value() }
