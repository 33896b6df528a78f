package components

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/panel-dev/panel/tui/keys"
	"github.com/panel-dev/panel/tui/theme"
)

// Action is what a key or message did to a list, for the screen to act on.
type Action int

const (
	// ActionNone means the list used the message; nothing for the screen to do.
	ActionNone Action = iota
	// ActionIgnored means the list did not use the key; the screen (then the root) may.
	ActionIgnored
	// ActionSelect means enter on an item (see Selected).
	ActionSelect
	// ActionRetry means `r` while the list shows an error.
	ActionRetry
	// ActionFilterChanged means the filter text changed (a screen may ask the server too).
	ActionFilterChanged
)

// ListOptions say what a list holds and how it looks.
type ListOptions[T any] struct {
	Noun        string                                        // "organizations": used in state messages
	Empty       string                                        // what the empty state tells the user to do
	Text        func(T) string                                // what the filter matches, e.g. name + " " + id
	Key         func(T) string                                // identity, so the cursor stays put when items are replaced
	Row         func(item T, selected bool, width int) string // one line; it is cut to width
	MinWidth    int                                           // narrower than this shows the too-narrow state (default 40)
	FilterFirst bool                                          // the filter is focused from the start and enter selects
	// Select says what enter does on an item ("make current"), for help; empty: enter does nothing here, and
	// no help offers it.
	Select string
}

// List is a filterable, scrolling list with loading, empty, error and
// too-narrow states. It renders only the rows on screen, so it stays fast
// with tens of thousands of items.
type List[T any] struct {
	opts   ListOptions[T]
	th     *theme.Theme
	keys   keys.List
	filter Filter
	spin   spinner.Model

	items  []T
	texts  []string
	match  *matcher // the texts folded once, and the last results
	shown  []int32  // indexes into items, in display order (the matcher's result)
	cursor int      // index into shown
	offset int      // first shown row on screen

	width, height int
	loading       bool
	err           string
	note          string
	unavailable   string // why nothing can be listed (a deactivated organization), in place of Empty
}

// NewList returns an empty list that is not loading yet.
func NewList[T any](th *theme.Theme, opts ListOptions[T]) List[T] {
	if opts.MinWidth == 0 {
		opts.MinWidth = 40
	}
	l := List[T]{opts: opts, th: th, keys: keys.NewList(), filter: NewFilter(th), spin: NewSpinner(th)}
	if opts.FilterFirst {
		l.filter.Focus()
	}
	return l
}

// SetSize gives the list its box; the root sizes every screen.
func (l *List[T]) SetSize(width, height int) {
	l.width, l.height = width, height
	l.filter.SetWidth(width)
	l.scroll()
}

// StartLoading shows the spinner (over the items, if any) and clears the error.
func (l *List[T]) StartLoading() tea.Cmd {
	l.loading, l.err, l.unavailable = true, "", ""
	return l.spin.Tick
}

// SetItems replaces the items and keeps the filter applied. A cursor the
// user moved stays on the same item (by Key); one on the top row stays on
// the top row, so a better match arriving takes it. Loading goes on until
// Done or SetError.
func (l *List[T]) SetItems(items []T) {
	var current string
	if it, ok := l.Selected(); ok && l.opts.Key != nil && l.cursor > 0 {
		current = l.opts.Key(it)
	}
	l.items = items
	l.texts = make([]string, len(items))
	for i, it := range items {
		l.texts[i] = l.opts.Text(it)
	}
	l.match = newMatcher(l.texts)
	l.applyFilter()
	if current != "" {
		l.SelectKey(current)
	}
}

// AppendItems adds items after the others and keeps the filter applied,
// folding only the new texts: a list that grows page by page costs what the
// pages hold, not what it holds. The cursor behaves as in SetItems.
func (l *List[T]) AppendItems(items []T) {
	if len(items) == 0 {
		return
	}
	if l.match == nil {
		l.SetItems(append(l.items, items...))
		return
	}
	var current string
	if it, ok := l.Selected(); ok && l.opts.Key != nil && l.cursor > 0 {
		current = l.opts.Key(it)
	}
	from := len(l.texts)
	l.items = append(l.items, items...)
	for _, it := range items {
		l.texts = append(l.texts, l.opts.Text(it))
	}
	l.match.add(l.texts, from)
	l.applyFilter()
	if current != "" {
		l.SelectKey(current)
	}
}

// Done ends the loading state.
func (l *List[T]) Done() { l.loading = false }

// SetError shows what happened; `r` then asks the screen to retry.
func (l *List[T]) SetError(msg string) { l.loading, l.err = false, msg }

// SetUnavailable empties the list and says why nothing can be listed, in
// place of the empty state ("acme is deactivated: …"); a reload clears it.
func (l *List[T]) SetUnavailable(why string) {
	l.SetItems(nil)
	l.loading, l.err, l.unavailable = false, "", why
}

// Noun is what the list holds ("members").
func (l List[T]) Noun() string { return l.opts.Noun }

// SetNote sets a muted line under the list (e.g. "searching the server").
func (l *List[T]) SetNote(note string) { l.note = note }

// Loading reports whether the list waits for data.
func (l List[T]) Loading() bool { return l.loading }

// Err is the error shown, "" when none.
func (l List[T]) Err() string { return l.err }

// Items are all items, unfiltered.
func (l List[T]) Items() []T { return l.items }

// Shown is how many items pass the filter.
func (l List[T]) Shown() int { return len(l.shown) }

// Selected is the item under the cursor.
func (l List[T]) Selected() (T, bool) {
	var zero T
	if l.cursor < 0 || l.cursor >= len(l.shown) {
		return zero, false
	}
	return l.items[l.shown[l.cursor]], true
}

// SelectKey moves the cursor to the shown item with that key.
func (l *List[T]) SelectKey(k string) bool {
	for i, idx := range l.shown {
		if l.opts.Key(l.items[idx]) == k {
			l.cursor = i
			l.scroll()
			return true
		}
	}
	return false
}

// FilterValue is the filter text.
func (l List[T]) FilterValue() string { return l.filter.Value() }

// FilterFocused reports whether every key is text right now.
func (l List[T]) FilterFocused() bool { return l.filter.Focused() }

// FocusFilter gives the filter every key.
func (l *List[T]) FocusFilter() tea.Cmd { return l.filter.Focus() }

// SetFilter replaces the filter text and reapplies it.
func (l *List[T]) SetFilter(s string) {
	l.filter.SetValue(s)
	l.applyFilter()
}

func (l *List[T]) applyFilter() {
	if l.match == nil {
		l.match = newMatcher(l.texts)
	}
	l.shown = l.match.match(l.filter.Value())
	l.cursor = min(max(l.cursor, 0), max(len(l.shown)-1, 0))
	l.scroll()
}

// ShortHelp are the list keys that work right now.
func (l List[T]) ShortHelp() []key.Binding {
	if l.filter.Focused() {
		in := keys.NewInput()
		if l.opts.FilterFirst {
			in.Submit.SetHelp("enter", l.opts.Select)
			in.Submit.SetEnabled(l.opts.Select != "" && len(l.shown) > 0)
		} else {
			in.Submit.SetHelp("enter", "apply filter")
		}
		in.Cancel.SetHelp("esc", "clear filter")
		out := []key.Binding{in.Submit, in.Cancel}
		if l.err != "" {
			r := retryWhileTyping
			if len(l.items) == 0 {
				r = l.keys.Retry
			}
			out = append(out, r)
		}
		return out
	}
	k := l.enabledKeys()
	clear := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter"))
	clear.SetEnabled(l.filter.Value() != "")
	return []key.Binding{k.Up, k.Down, k.Select, k.Filter, k.Retry, clear}
}

// enabledKeys are the list keys, each enabled when it does something now.
func (l List[T]) enabledKeys() keys.List {
	k := l.keys
	moves := len(l.shown) > 1 // one row or none: nowhere to move
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom} {
		b.SetEnabled(moves)
	}
	k.Retry.SetEnabled(l.err != "")
	k.Select.SetHelp("enter", l.opts.Select)
	k.Select.SetEnabled(l.opts.Select != "" && len(l.shown) > 0)
	return k
}

// FullHelp is every list key that works now, for the help screen.
func (l List[T]) FullHelp() [][]key.Binding {
	k := l.enabledKeys()
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {k.Top, k.Bottom, k.Select, k.Filter, k.Retry}}
}
