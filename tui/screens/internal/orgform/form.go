// Package orgform is the organization name form of the switcher (ctrl+n)
// and of onboarding (n): B20's rules are checked as the user types, enter
// asks the root to create the organization and switch into it, and the
// API's own word on the name shows under it when it refuses (B21).
package orgform

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/termsafe"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/keys"
)

// Result is what a message did to the form.
type Result int

const (
	// Editing means the form stays up.
	Editing Result = iota
	// Canceled means esc: the screen closes the form.
	Canceled
	// Sent means enter with a valid name: the create is on its way.
	Sent
)

// Form is one organization name input.
type Form struct {
	ctx      *common.Context
	title    string
	keys     keys.Input
	input    textinput.Model
	problem  string // B20's verdict on what is typed
	fieldErr string // the API's word on the name after a submit
	busy     bool
	stamp    common.Stamp
}

// New returns a focused form titled title; submit names what enter does.
func New(ctx *common.Context, title, submit string) (*Form, tea.Cmd) {
	in := textinput.New()
	in.Prompt = "name: "
	in.Placeholder = ctx.Theme.Placeholder("my-team")
	in.PlaceholderStyle = ctx.Theme.Muted
	in.CharLimit = app.MaxOrganizationName + 10 // let the "too long" message show
	k := keys.NewInput()
	k.Submit.SetHelp("enter", submit)
	return &Form{ctx: ctx, title: title, keys: k, input: in}, in.Focus()
}

// Value is the name typed.
func (f *Form) Value() string { return f.input.Value() }

// Busy reports a create in flight.
func (f *Form) Busy() bool { return f.busy }

// Update gives the form a key or the cursor's blink.
func (f *Form) Update(msg tea.Msg) (tea.Cmd, Result) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, f.keys.Cancel):
			return nil, Canceled
		case f.busy:
			return nil, Editing
		case key.Matches(k, f.keys.Submit):
			if f.problem = problem(f.Value()); f.problem != "" {
				return nil, Editing
			}
			return f.create(), Sent
		}
	}
	before := f.Value()
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	if v := f.Value(); v != before {
		f.problem, f.fieldErr = "", ""
		if v != "" {
			f.problem = problem(v)
		}
	}
	return cmd, Editing
}

// create asks the root to create the organization and switch into it on its
// one switch path.
func (f *Form) create() tea.Cmd {
	f.busy, f.stamp = true, f.ctx.Stamp()
	a, name := f.ctx.App, f.Value()
	return common.SwitchVia(f.stamp, "creating "+name,
		func(ctx context.Context, progress func(app.SwitchProgress)) (*app.SwitchResult, error) {
			_, res, err := a.CreateOrganization(ctx, name, progress)
			return res, err
		})
}

// Finished takes the end of a switch: ours reports whether it answers this
// form's create, created whether the organization is now current. A refusal
// of the name shows under it; the root reports any other error.
func (f *Form) Finished(msg common.SwitchFinishedMsg) (ours, created bool) {
	if !f.stamp.Answers(msg.Stamp) {
		return false, false
	}
	f.busy = false
	if msg.Err != nil {
		f.fieldErr = refusal(msg.Err, f.Value())
		return true, false
	}
	return true, true
}

// Help are the form's keys.
func (f *Form) Help() []key.Binding { return []key.Binding{f.keys.Submit, f.keys.Cancel} }

// View draws the form in a box.
func (f *Form) View() string {
	th := f.ctx.Theme
	body := th.Title.Render(f.title) + "\n" +
		th.Muted.Render("1–39 characters: lowercase letters, digits and -, starting and ending with a letter or digit.") +
		"\n\n" + f.input.View()
	switch {
	case f.fieldErr != "":
		body += "\n" + th.FieldHint.Render("✗ "+termsafe.Line(f.fieldErr))
	case f.problem != "":
		body += "\n" + th.FieldHint.Render("✗ "+termsafe.Line(f.problem))
	case f.Value() != "":
		body += "\n" + th.Success.Render("✓ name is fine")
	}
	if f.busy {
		body += "\n" + th.Muted.Render("Creating…")
	}
	return th.Box.Render(body)
}

// refusal is the API's word on the name when it refused it ("" for any
// other error: the root reports those).
func refusal(err error, name string) string {
	if d, ok := common.FieldProblem(err, "name"); ok {
		if !strings.Contains(d, name) {
			d = name + " " + d // the API's "is already taken" says it of the name
		}
		return d
	}
	if d, ok := common.FieldProblem(err, ""); ok {
		return d
	}
	if common.Refused(err) {
		return common.Describe(err)
	}
	return ""
}

// problem is B20's verdict on a name ("" when fine), from the one place the
// rules live.
func problem(name string) string {
	if err := app.CheckOrganizationName(name); err != nil {
		return err.Error()
	}
	return ""
}
