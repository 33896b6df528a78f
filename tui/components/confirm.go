package components

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/panel-dev/panel/internal/termsafe"
	"github.com/panel-dev/panel/tui/theme"
)

// ModalResult is what a key did to a modal.
type ModalResult int

const (
	// ModalOpen means the modal stays up (every key goes to it).
	ModalOpen ModalResult = iota
	// ModalConfirmed means the user said yes.
	ModalConfirmed
	// ModalCanceled means the user said no.
	ModalCanceled
)

// Confirm asks a yes/no question before a destructive action. While it is
// up it takes every key; only `y` confirms: enter, `n` and esc cancel, so
// that an enter meant for the list below never removes anyone.
type Confirm struct {
	th       *theme.Theme
	question string
	yes, no  key.Binding
}

// NewConfirm returns a modal asking question ("Revoke the invitation to dave@example.com?").
func NewConfirm(th *theme.Theme, question string) Confirm {
	return Confirm{
		th:       th,
		question: question,
		yes:      key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		no:       key.NewBinding(key.WithKeys("n", "enter", "esc"), key.WithHelp("n/enter/esc", "no")),
	}
}

// Update reads one key.
func (c Confirm) Update(msg tea.Msg) (Confirm, ModalResult) {
	k, ok := msg.(tea.KeyMsg)
	switch {
	case !ok:
	case key.Matches(k, c.yes):
		return c, ModalConfirmed
	case key.Matches(k, c.no):
		return c, ModalCanceled
	}
	return c, ModalOpen
}

// ShortHelp are the modal's keys.
func (c Confirm) ShortHelp() []key.Binding { return []key.Binding{c.yes, c.no} }

// modalWidth is where a modal's question wraps: a long name must not push
// the box past the screen.
const modalWidth = 60

// paragraph renders text in style, wrapped at modalWidth when longer.
func paragraph(style lipgloss.Style, text string) string {
	if lipgloss.Width(text) > modalWidth {
		style = style.Width(modalWidth)
	}
	return style.Render(text)
}

// View draws the modal box.
func (c Confirm) View() string {
	return c.th.Box.Render(paragraph(c.th.Text, termsafe.Line(c.question)) + "\n\n" +
		c.th.Key.Render("y") + c.th.Muted.Render(" yes   ") + c.th.Key.Render("n") + c.th.Muted.Render("/") +
		c.th.Key.Render("enter") + c.th.Muted.Render(" no"))
}
