package onboarding

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

type formResult int

const (
	formNone formResult = iota
	formSubmit
	formCancel
)

// createForm is the organization name input: B20's rules are checked as
// the user types; the API's own field error replaces them after a submit.
type createForm struct {
	input    textinput.Model
	keys     keys.Input
	problem  string // the rule the name breaks, or the API's field error
	busy     bool
	stamp    common.Stamp
	apiError bool
}

func newCreateForm(th *theme.Theme) (*createForm, tea.Cmd) {
	in := textinput.New()
	in.Prompt = "name › "
	in.Placeholder = "my-team"
	in.CharLimit = 64
	in.PromptStyle = th.Accent
	in.PlaceholderStyle = th.Muted
	f := &createForm{input: in, keys: keys.NewInput()}
	f.keys.Submit.SetHelp("enter", "create and switch")
	return f, f.input.Focus()
}

func (f *createForm) value() string { return f.input.Value() }

func (f *createForm) update(msg tea.KeyMsg) (tea.Cmd, formResult) {
	switch {
	case key.Matches(msg, f.keys.Cancel):
		return nil, formCancel
	case f.busy:
		return nil, formNone
	case key.Matches(msg, f.keys.Submit):
		if err := api.ValidateOrganizationName(f.value()); err != nil {
			f.problem = err.Error()
			return nil, formNone
		}
		return nil, formSubmit
	}
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	f.check()
	return cmd, formNone
}

// tick passes non-key messages (cursor blink) to the input.
func (f *createForm) tick(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	return cmd
}

func (f *createForm) check() {
	f.apiError = false
	f.problem = ""
	if v := f.value(); v != "" {
		if err := api.ValidateOrganizationName(v); err != nil {
			f.problem = err.Error()
		}
	}
}

// failed shows a 400's field error under the name (B21); other errors are
// the root's to report.
func (f *createForm) failed(err error) {
	var apiErr *api.Error
	if errors.As(err, &apiErr) && api.IsValidation(err) {
		if d, ok := apiErr.FieldError("name"); ok {
			f.problem, f.apiError = d, true
			return
		}
		f.problem, f.apiError = apiErr.Message, true
	}
}

func (f *createForm) help() []key.Binding { return []key.Binding{f.keys.Submit, f.keys.Cancel} }

func (f *createForm) view(th *theme.Theme) string {
	s := th.Title.Render("Create an organization") + "\n" + f.input.View() + "\n"
	switch {
	case f.busy:
		s += th.Muted.Render("Creating and switching…")
	case f.problem != "":
		s += th.FieldHint.Render(termsafe.Line(f.problem))
	default:
		s += th.Muted.Render("lowercase letters, digits and '-', 1–39 characters")
	}
	return s
}
