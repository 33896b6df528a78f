package components

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/tui/keys"
	"github.com/panel-dev/panel/tui/theme"
)

// EmailLine is one line of the multi-email input and what became of it.
type EmailLine struct {
	Text string // as typed
	Err  string // why it was not sent ("" when fine so far)
	Sent bool   // the server accepted it
}

// EmailsAction is what a key did to the email input.
type EmailsAction int

const (
	// EmailsEditing means keep typing.
	EmailsEditing EmailsAction = iota
	// EmailsSubmit means send Pending(); lines that failed validation are marked already.
	EmailsSubmit
	// EmailsCancel means esc, close the input.
	EmailsCancel
)

// Emails is a multi-line input of email addresses, one per line, each line
// with its own error. Every printable key is text; a comma, semicolon or
// space (typed or pasted) starts a new line, so a pasted list splits itself.
type Emails struct {
	th    *theme.Theme
	keys  keys.Input
	up    key.Binding
	down  key.Binding
	lines []EmailLine
	row   int
	input textinput.Model // edits lines[row]
	busy  bool            // a send is in flight
	width int
}

// NewEmails returns a focused, empty input.
func NewEmails(th *theme.Theme) (Emails, tea.Cmd) {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = th.Placeholder("name@example.com")
	in.PlaceholderStyle = th.Muted
	in.CharLimit = 254
	cmd := in.Focus()
	k := keys.NewInput()
	k.Submit = key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "send"))
	return Emails{
		th: th, keys: k, input: in, lines: []EmailLine{{}},
		up:   key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "previous line")),
		down: key.NewBinding(key.WithKeys("down", "enter"), key.WithHelp("enter", "next line")),
	}, cmd
}

// SetWidth sets the width of the box.
func (e *Emails) SetWidth(w int) { e.width = w }

// SetBusy marks a send in flight: keys other than esc wait.
func (e *Emails) SetBusy(b bool) { e.busy = b }

// Lines is every line with its state (the current line as typed so far).
func (e Emails) Lines() []EmailLine {
	out := append([]EmailLine(nil), e.lines...)
	out[e.row].Text = e.input.Value()
	return out
}

// Pending validates every unsent line, marks the bad ones and the
// duplicates, and returns the normalized addresses to send, in order.
func (e *Emails) Pending() []string {
	e.commit()
	var out []string
	seen := map[string]bool{}
	for i := range e.lines {
		l := &e.lines[i]
		addr, err := api.NormalizeEmail(l.Text)
		if l.Sent || addr == "" {
			continue
		}
		l.Err = ""
		if err != nil {
			l.Err = err.Error()
		}
		if l.Err == "" && seen[addr] {
			l.Err = "listed twice"
		}
		if l.Err == "" {
			seen[addr] = true
			out = append(out, addr)
		}
	}
	return out
}

// MarkSent records the server's acceptance of addr.
func (e *Emails) MarkSent(addr string) { e.mark(addr, true, "") }

// MarkFailed records why the server refused addr, on its line.
func (e *Emails) MarkFailed(addr, why string) { e.mark(addr, false, why) }

func (e *Emails) mark(addr string, sent bool, why string) {
	e.commit()
	for i := range e.lines {
		if normalized, _ := api.NormalizeEmail(e.lines[i].Text); normalized == addr && !e.lines[i].Sent {
			e.lines[i].Sent, e.lines[i].Err = sent, why
			return
		}
	}
}

// commit stores the edited text into its line.
func (e *Emails) commit() { e.lines[e.row].Text = e.input.Value() }
