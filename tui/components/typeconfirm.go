package components

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/panel-dev/panel/internal/termsafe"
	"github.com/panel-dev/panel/tui/keys"
	"github.com/panel-dev/panel/tui/theme"
)

// TypeConfirm guards an action that cannot be undone (leaving an
// organization): the user types the expected text (the org name) and presses
// enter. Every printable key is text; esc cancels.
type TypeConfirm struct {
	th       *theme.Theme
	keys     keys.Input
	question string
	expected string
	input    textinput.Model
	hint     string
}

// NewTypeConfirm returns a focused modal that confirms once expected is typed.
func NewTypeConfirm(th *theme.Theme, question, expected string) (TypeConfirm, tea.Cmd) {
	in := textinput.New()
	in.Prompt = "> "
	in.Placeholder = th.Placeholder(termsafe.Line(expected))
	in.PlaceholderStyle = th.Muted
	in.CharLimit = 200
	cmd := in.Focus()
	k := keys.NewInput()
	k.Submit.SetHelp("enter", "confirm")
	return TypeConfirm{th: th, keys: k, question: question, expected: expected, input: in}, cmd
}

// Value is what was typed so far.
func (t TypeConfirm) Value() string { return t.input.Value() }

// Update reads one message.
func (t TypeConfirm) Update(msg tea.Msg) (TypeConfirm, tea.Cmd, ModalResult) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, t.keys.Cancel):
			return t, nil, ModalCanceled
		case key.Matches(k, t.keys.Submit):
			if t.input.Value() == t.expected {
				return t, nil, ModalConfirmed
			}
			t.hint = "Type " + termsafe.Line(t.expected) + " exactly to confirm."
			return t, nil, ModalOpen
		}
	}
	var cmd tea.Cmd
	t.input, cmd = t.input.Update(msg)
	return t, cmd, ModalOpen
}

// ShortHelp are the modal's keys.
func (t TypeConfirm) ShortHelp() []key.Binding { return []key.Binding{t.keys.Submit, t.keys.Cancel} }

// View draws the modal box.
func (t TypeConfirm) View() string {
	body := paragraph(t.th.Text, termsafe.Line(t.question)) + "\n" +
		t.th.Muted.Render("Type ") + t.th.Key.Render(termsafe.Truncate(t.expected, modalWidth)) + t.th.Muted.Render(" to confirm.") + "\n\n" +
		t.input.View()
	if t.hint != "" {
		body += "\n" + t.th.FieldHint.Render(termsafe.Line(t.hint))
	}
	return t.th.Box.Render(body)
}
