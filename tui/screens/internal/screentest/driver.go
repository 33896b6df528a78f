package screentest

import (
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/internal/teacmd"
	"github.com/panel-dev/panel/tui/common"
)

// Deadline bounds every wait; a condition that does not come true by then fails the test.
const Deadline = 20 * time.Second

// Driver plays Bubble Tea's loop for one screen: it runs the screen's
// commands on goroutines, feeds their messages back through Update, and
// keeps the messages meant for the root (navigation, status, errors,
// switch requests) in ToRoot instead.
type Driver struct {
	T      testing.TB
	Screen common.Screen

	msgs chan tea.Msg
	done chan struct{}

	mu     sync.Mutex
	ToRoot []tea.Msg
	held   []tea.Msg
	hold   func(tea.Msg) bool
}

// Start inits screen and returns its driver.
func Start(t testing.TB, s common.Screen) *Driver {
	d := &Driver{T: t, Screen: s, msgs: make(chan tea.Msg, 1024), done: make(chan struct{})}
	t.Cleanup(func() { close(d.done) })
	s.SetSize(Width, Height)
	d.Run(s.Init())
	return d
}

// Run executes cmd off the test goroutine; its message comes back through Wait.
func (d *Driver) Run(cmd tea.Cmd) {
	teacmd.Runner{Out: d.msgs, Done: d.done}.Run(cmd)
}

// Send gives msg to the screen now, as the root would.
func (d *Driver) Send(msgs ...tea.Msg) {
	for _, msg := range msgs {
		next, cmd := d.Screen.Update(msg)
		d.Screen = next
		d.Run(cmd)
	}
}

// Type sends the keys that type s (every rune, spaces included).
func (d *Driver) Type(s string) {
	for _, r := range s {
		if r == ' ' {
			d.Send(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
			continue
		}
		d.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// Key sends one special key.
func (d *Driver) Key(k tea.KeyType) { d.Send(tea.KeyMsg{Type: k}) }

// Hold keeps messages matching pred back (a late answer, released later).
func (d *Driver) Hold(pred func(tea.Msg) bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.hold = pred
}

// Peek returns the messages held back so far, keeping them.
func (d *Driver) Peek() []tea.Msg {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]tea.Msg(nil), d.held...)
}

// Held returns and forgets the messages held back so far.
func (d *Driver) Held() []tea.Msg {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := d.held
	d.held, d.hold = nil, nil
	return out
}

// WaitFor feeds messages to the screen until cond holds.
func (d *Driver) WaitFor(what string, cond func() bool) {
	d.T.Helper()
	deadline := time.After(Deadline)
	for !cond() {
		select {
		case msg := <-d.msgs:
			d.deliver(msg)
		case <-deadline:
			d.T.Fatalf("waited %s for %s; screen:\n%s\nto root: %#v", Deadline, what, d.Screen.View(), d.Root())
		}
	}
}

// WaitView waits until the view contains every string.
func (d *Driver) WaitView(want ...string) {
	d.T.Helper()
	d.WaitFor(strings.Join(want, ", "), func() bool {
		v := d.Screen.View()
		for _, w := range want {
			if !strings.Contains(v, w) {
				return false
			}
		}
		return true
	})
}

// WaitRoot waits for a message to the root that matches pred and returns it.
func (d *Driver) WaitRoot(what string, pred func(tea.Msg) bool) tea.Msg {
	d.T.Helper()
	var found tea.Msg
	d.WaitFor(what, func() bool {
		for _, m := range d.Root() {
			if pred(m) {
				found = m
				return true
			}
		}
		return false
	})
	return found
}

// Root returns the messages meant for the root so far.
func (d *Driver) Root() []tea.Msg {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]tea.Msg(nil), d.ToRoot...)
}

func (d *Driver) deliver(msg tea.Msg) {
	d.mu.Lock()
	if d.hold != nil && d.hold(msg) {
		d.held = append(d.held, msg)
		d.mu.Unlock()
		return
	}
	if forRoot(msg) {
		d.ToRoot = append(d.ToRoot, msg)
		d.mu.Unlock()
		return
	}
	d.mu.Unlock()
	d.Send(msg)
}

// forRoot reports the messages of tui/common's protocol that the root handles.
func forRoot(msg tea.Msg) bool {
	if _, ok := msg.(tea.QuitMsg); ok {
		return true
	}
	t := reflect.TypeOf(msg)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.PkgPath() == reflect.TypeOf(common.BackMsg{}).PkgPath() && !strings.HasPrefix(t.Name(), "Result")
}
