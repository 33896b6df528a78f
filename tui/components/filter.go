package components

import (
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/panel-dev/panel/tui/theme"
)

// Filter is the fuzzy filter of a list. While focused every printable key is
// text (a `q` types a q, `j` does not move the cursor); only the keys that
// cannot be text (enter, esc, arrows) keep a meaning, and the list decides it.
type Filter struct {
	input textinput.Model
}

// NewFilter returns a blurred, empty filter.
func NewFilter(th *theme.Theme) Filter {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = th.Placeholder("type to filter")
	in.PromptStyle = th.Accent
	in.PlaceholderStyle = th.Muted
	in.CharLimit = 200
	return Filter{input: in}
}

// Focus gives the filter every key.
func (f *Filter) Focus() tea.Cmd { return f.input.Focus() }

// Blur returns the keys to the list; the filter text stays applied.
func (f *Filter) Blur() { f.input.Blur() }

// Focused reports whether the filter takes keys as text.
func (f Filter) Focused() bool { return f.input.Focused() }

// Value is the current filter text.
func (f Filter) Value() string { return f.input.Value() }

// SetValue replaces the filter text.
func (f *Filter) SetValue(s string) { f.input.SetValue(s) }

// Update feeds a key to the text input and reports whether the text changed.
func (f Filter) Update(msg tea.Msg) (Filter, tea.Cmd, bool) {
	before := f.input.Value()
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	return f, cmd, f.input.Value() != before
}

// View draws the filter line.
func (f Filter) View() string { return f.input.View() }

// SetWidth bounds the visible text.
func (f *Filter) SetWidth(w int) { f.input.Width = max(w-len(f.input.Prompt)-1, 1) }

// Match returns the indexes of texts matching pattern, best first (ties keep
// the input order, so pinned and recent items stay ahead of the rest). An
// empty pattern matches everything in order. A list keeps its own matcher,
// so that typing on narrows its last result instead of starting over.
func Match(pattern string, texts []string) []int {
	found := newMatcher(texts).match(pattern)
	out := make([]int, len(found))
	for i, k := range found {
		out[i] = int(k)
	}
	return out
}
