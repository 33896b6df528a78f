package components

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
)

// Update handles a message and says what it did. Keys reach the list only
// after ctrl+c; while the filter is focused every printable key is text.
func (l List[T]) Update(msg tea.Msg) (List[T], tea.Cmd, Action) {
	switch msg := msg.(type) {
	case spinner.TickMsg:
		if !l.loading {
			return l, nil, ActionNone // let the tick chain die
		}
		var cmd tea.Cmd
		l.spin, cmd = l.spin.Update(msg)
		return l, cmd, ActionNone
	case tea.KeyMsg:
		if l.filter.Focused() {
			return l.filterKey(msg)
		}
		return l.listKey(msg)
	}
	if l.filter.Focused() {
		var cmd tea.Cmd
		l.filter, cmd, _ = l.filter.Update(msg) // cursor blink
		return l, cmd, ActionNone
	}
	return l, nil, ActionIgnored
}

// retryWhileTyping retries from a focused filter, where r is text.
var retryWhileTyping = key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "retry"))

// isText reports keys that type a character.
func isText(msg tea.KeyMsg) bool {
	return msg.Type == tea.KeyRunes || msg.Type == tea.KeySpace
}

func (l List[T]) filterKey(msg tea.KeyMsg) (List[T], tea.Cmd, Action) {
	switch {
	case l.err != "" && len(l.items) == 0 && key.Matches(msg, l.keys.Retry):
		return l, nil, ActionRetry // nothing to filter yet: r retries
	case l.err != "" && key.Matches(msg, retryWhileTyping):
		return l, nil, ActionRetry
	case msg.Type == tea.KeyEnter:
		if l.opts.FilterFirst {
			if _, ok := l.Selected(); ok && l.opts.Select != "" {
				return l, nil, ActionSelect
			}
			return l, nil, ActionNone
		}
		l.filter.Blur()
		return l, nil, ActionNone
	case msg.Type == tea.KeyEsc:
		if l.filter.Value() != "" {
			l.SetFilter("")
			return l, nil, ActionFilterChanged
		}
		if l.opts.FilterFirst {
			return l, nil, ActionIgnored // esc on an empty switcher filter goes back
		}
		l.filter.Blur()
		return l, nil, ActionNone
	case !isText(msg) && l.move(msg):
		return l, nil, ActionNone
	}
	var cmd tea.Cmd
	var changed bool
	l.filter, cmd, changed = l.filter.Update(msg)
	if changed {
		l.applyFilter()
		l.cursor, l.offset = 0, 0
		return l, cmd, ActionFilterChanged
	}
	return l, cmd, ActionNone
}

func (l List[T]) listKey(msg tea.KeyMsg) (List[T], tea.Cmd, Action) {
	switch {
	case key.Matches(msg, l.keys.Filter):
		return l, l.filter.Focus(), ActionNone
	case l.err != "" && key.Matches(msg, l.keys.Retry):
		return l, nil, ActionRetry
	case l.opts.Select != "" && key.Matches(msg, l.keys.Select):
		if _, ok := l.Selected(); ok {
			return l, nil, ActionSelect
		}
		return l, nil, ActionNone
	case msg.Type == tea.KeyEsc && l.filter.Value() != "":
		l.SetFilter("")
		return l, nil, ActionFilterChanged
	case l.move(msg):
		return l, nil, ActionNone
	}
	return l, nil, ActionIgnored
}

// move handles the movement keys; it reports whether msg was one.
func (l *List[T]) move(msg tea.KeyMsg) bool {
	page := max(l.rows()-1, 1)
	switch {
	case key.Matches(msg, l.keys.Up):
		l.cursor--
	case key.Matches(msg, l.keys.Down):
		l.cursor++
	case key.Matches(msg, l.keys.PageUp):
		l.cursor -= page
	case key.Matches(msg, l.keys.PageDown):
		l.cursor += page
	case key.Matches(msg, l.keys.Top):
		l.cursor = 0
	case key.Matches(msg, l.keys.Bottom):
		l.cursor = len(l.shown) - 1
	default:
		return false
	}
	l.cursor = min(max(l.cursor, 0), max(len(l.shown)-1, 0))
	l.scroll()
	return true
}

// scroll keeps the cursor on screen.
func (l *List[T]) scroll() {
	rows := l.rows()
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+rows {
		l.offset = l.cursor - rows + 1
	}
	l.offset = max(min(l.offset, len(l.shown)-rows), 0)
}
