package components

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

func isEmailSeparator(r rune) bool {
	return r == ',' || r == ';' || r == ' ' || r == '\n' || r == '\r' || r == '\t'
}

// Update reads one message. While the input is up it takes every key but ctrl+c.
func (e Emails) Update(msg tea.Msg) (Emails, tea.Cmd, EmailsAction) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		var cmd tea.Cmd
		e.input, cmd = e.input.Update(msg) // cursor blink
		return e, cmd, EmailsEditing
	}
	switch {
	case key.Matches(k, e.keys.Cancel):
		return e, nil, EmailsCancel
	case e.busy:
		return e, nil, EmailsEditing
	case key.Matches(k, e.keys.Submit):
		if len(e.Pending()) > 0 {
			return e, nil, EmailsSubmit
		}
		return e, nil, EmailsEditing
	case k.Type == tea.KeyEnter:
		e.insertLine(e.row+1, "")
	case k.Type == tea.KeyDown:
		e.moveTo(e.row + 1)
	case k.Type == tea.KeyUp:
		e.moveTo(e.row - 1)
	case k.Type == tea.KeyBackspace && e.input.Value() == "" && len(e.lines) > 1:
		e.deleteLine()
	case k.Type == tea.KeySpace:
		e.insertLine(e.row+1, "")
	case k.Type == tea.KeyRunes && strings.ContainsFunc(string(k.Runes), isEmailSeparator):
		return e.split(k)
	default:
		return e.edit(k)
	}
	return e, nil, EmailsEditing
}

// edit types into the current line; changing a line forgets its old verdict.
func (e Emails) edit(k tea.KeyMsg) (Emails, tea.Cmd, EmailsAction) {
	before := e.input.Value()
	var cmd tea.Cmd
	e.input, cmd = e.input.Update(k)
	if e.input.Value() != before {
		e.lines[e.row].Err, e.lines[e.row].Sent = "", false
	}
	return e, cmd, EmailsEditing
}

// split types a pasted list: the first part joins the current line, the
// others become lines of their own.
func (e Emails) split(k tea.KeyMsg) (Emails, tea.Cmd, EmailsAction) {
	parts := strings.FieldsFunc(string(k.Runes), isEmailSeparator)
	if len(parts) == 0 {
		e.insertLine(e.row+1, "")
		return e, nil, EmailsEditing
	}
	joinsCurrent := !isEmailSeparator([]rune(string(k.Runes))[0]) || e.input.Value() == ""
	if joinsCurrent {
		e, _, _ = e.edit(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(parts[0])})
		parts = parts[1:]
	}
	for _, p := range parts {
		e.insertLine(e.row+1, p)
	}
	return e, nil, EmailsEditing
}

func (e *Emails) insertLine(at int, text string) {
	e.commit()
	e.lines = append(e.lines[:at], append([]EmailLine{{Text: text}}, e.lines[at:]...)...)
	e.load(at)
}

func (e *Emails) deleteLine() {
	e.lines = append(e.lines[:e.row], e.lines[e.row+1:]...)
	e.load(max(e.row-1, 0))
}

func (e *Emails) moveTo(row int) {
	if row < 0 || row >= len(e.lines) {
		return
	}
	e.commit()
	e.load(row)
}

// load makes row the edited line.
func (e *Emails) load(row int) {
	e.row = row
	e.input.SetValue(e.lines[row].Text)
	e.input.CursorEnd()
}
