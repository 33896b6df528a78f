package orgs

import (
	"errors"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/internal/termsafe"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/keys"
	"github.com/panel-dev/panel/tui/theme"
)

// createForm is the ctrl+n form: one name field, checked against B20 on
// every key, with the API's own field error shown under it after a submit.
type createForm struct {
	keys     keys.Input
	input    textinput.Model
	problem  string // B20 check of what is typed
	fieldErr string // the API's word on the name field
	busy     bool
	stamp    common.Stamp
}

func newCreateForm(th *theme.Theme) (*createForm, tea.Cmd) {
	in := textinput.New()
	in.Prompt = "name: "
	in.Placeholder = "my-team"
	in.PlaceholderStyle = th.Muted
	in.CharLimit = api.MaxOrganizationName + 10 // let the "too long" message show
	k := keys.NewInput()
	k.Submit.SetHelp("enter", "create")
	return &createForm{keys: k, input: in}, in.Focus()
}

// formResult is what a key did to the form.
type formResult int

const (
	formEditing formResult = iota
	formSubmit
	formCancel
)

func (f *createForm) update(msg tea.Msg) (tea.Cmd, formResult) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, f.keys.Cancel):
			return nil, formCancel
		case f.busy:
			return nil, formEditing
		case key.Matches(k, f.keys.Submit):
			f.problem = nameProblem(f.input.Value())
			if f.problem != "" {
				return nil, formEditing
			}
			return nil, formSubmit
		}
	}
	before := f.input.Value()
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	if v := f.input.Value(); v != before {
		f.problem, f.fieldErr = "", ""
		if v != "" {
			f.problem = nameProblem(v)
		}
	}
	return cmd, formEditing
}

// failed shows a refused create: the name field's error next to the input,
// anything else is for the error funnel (returned).
func (f *createForm) failed(err error) error {
	f.busy = false
	var e *api.Error
	if errors.As(err, &e) && api.IsValidation(err) {
		if d, ok := e.FieldError("name"); ok {
			f.fieldErr = d
			return nil
		}
		if len(e.Fields) > 0 {
			f.fieldErr = e.Fields[0].Field + ": " + e.Fields[0].Description
			return nil
		}
	}
	return err
}

func (f *createForm) help() []key.Binding { return []key.Binding{f.keys.Submit, f.keys.Cancel} }

func (f *createForm) view(th *theme.Theme) string {
	body := th.Title.Render("New organization") + "\n" +
		th.Muted.Render("1–39 characters: lowercase letters, digits and -, starting and ending with a letter or digit.") +
		"\n\n" + f.input.View()
	switch {
	case f.fieldErr != "":
		body += "\n" + th.FieldHint.Render("✗ "+termsafe.Line(f.fieldErr))
	case f.problem != "":
		body += "\n" + th.FieldHint.Render("✗ "+termsafe.Line(f.problem))
	case f.input.Value() != "":
		body += "\n" + th.Success.Render("✓ name is fine")
	}
	if f.busy {
		body += "\n" + th.Muted.Render("Creating…")
	}
	return th.Box.Render(body)
}

// nameProblem is B20's verdict on a name ("" when fine), from the one
// place the rules live.
func nameProblem(name string) string {
	if err := api.ValidateOrganizationName(name); err != nil {
		return err.Error()
	}
	return ""
}
