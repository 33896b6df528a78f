// Package teadriver plays Bubble Tea's loop for a model without a terminal:
// commands run on goroutines as the program runs them, and their messages
// come back through Update on the caller's goroutine, one at a time, in
// arrival order. It is the one way panel drives a model outside the real
// program: the TUI's tests (the root, or one screen through an adapter) and
// the benchmark harness.
//
// Against the real program (teatest) it gives the tests what they check:
// the model itself after every message, late answers held back and released
// on purpose (Hold), conditions that look outside the model, and no renderer
// or terminal in between. The real program loop is covered by the tmux test
// of the binary.
package teadriver

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// Deadline bounds WaitFor; a condition that does not come true by then fails the test.
const Deadline = 20 * time.Second

// poll is how often a wait asks its condition again when no message comes
// (the condition may look outside the model: the emulator, the clock).
const poll = 50 * time.Millisecond

// Driver runs one model.
type Driver struct {
	// T, when set, is failed by WaitFor (tests); Wait returns errors instead.
	T testing.TB
	// Intercept, when set, sees every message a command returned before the
	// model does; true keeps it from the model (a screen's requests to the root).
	Intercept func(tea.Msg) bool

	model tea.Model
	msgs  chan envelope
	run   runner

	mu   sync.Mutex
	hold func(tea.Msg) bool
	held []envelope
	quit bool
}

// New returns a driver of m that stops running commands when done closes.
func New(done <-chan struct{}, m tea.Model) *Driver {
	msgs := make(chan envelope, 4096)
	return &Driver{model: m, msgs: msgs, run: runner{out: msgs, done: done}}
}

// Start sizes the model as the program's first message does and runs its Init.
func (d *Driver) Start(width, height int) *Driver {
	d.Send(tea.WindowSizeMsg{Width: width, Height: height})
	d.Run(d.model.Init())
	return d
}

// Model is the model as the last Update left it.
func (d *Driver) Model() tea.Model { return d.model }

// View draws the model.
func (d *Driver) View() string { return d.model.View() }

// Quit reports whether a command asked the program to quit.
func (d *Driver) Quit() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.quit
}

// Run executes cmd in the background; its messages come back through the waits.
func (d *Driver) Run(cmd tea.Cmd) { d.run.run(cmd, nil) }

// Send gives msgs to the model now, as the program would, and runs the
// commands that come back. A quit is recorded, not given to the model.
func (d *Driver) Send(msgs ...tea.Msg) {
	for _, msg := range msgs {
		d.send(msg, nil)
	}
}

// Track is Send for one message, and returns the flight of the work it
// starts: the waits deliver that work's messages, and Done says when all of
// it has finished.
func (d *Driver) Track(msg tea.Msg) *Flight {
	f := &Flight{}
	d.send(msg, f)
	return f
}

// send gives msg to the model; the commands it returns are part of f.
func (d *Driver) send(msg tea.Msg, f *Flight) {
	if _, ok := msg.(tea.QuitMsg); ok {
		d.mu.Lock()
		d.quit = true
		d.mu.Unlock()
		return
	}
	var cmd tea.Cmd
	d.model, cmd = d.model.Update(msg)
	d.run.run(cmd, f)
}

// Type sends the keys that type s, one rune at a time (a space is the space key).
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

// named are the keys Press knows by name.
var named = map[string]tea.KeyType{"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab,
	"ctrl+c": tea.KeyCtrlC, "ctrl+s": tea.KeyCtrlS, "backspace": tea.KeyBackspace}

// Press sends keys by name ("enter", "esc", "tab", "ctrl+c", "ctrl+s",
// "backspace"); anything else is typed.
func (d *Driver) Press(keys ...string) {
	for _, k := range keys {
		if t, ok := named[k]; ok {
			d.Key(t)
			continue
		}
		d.Type(k)
	}
}

// Hold keeps the messages matching pred back from now on (a late answer,
// released later with Send).
func (d *Driver) Hold(pred func(tea.Msg) bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.hold = pred
}

// Peek returns the messages held back so far, keeping them (their flights
// are not done while they are held).
func (d *Driver) Peek() []tea.Msg {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([]tea.Msg, len(d.held))
	for i, e := range d.held {
		out[i] = e.msg
	}
	return out
}

// Held returns and forgets the messages held back so far, and stops holding.
// The caller has them now: they no longer count in their flights.
func (d *Driver) Held() []tea.Msg {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([]tea.Msg, len(d.held))
	for i, e := range d.held {
		out[i] = e.msg
		e.f.add(-1)
	}
	d.held, d.hold = nil, nil
	return out
}

// Wait delivers messages until cond holds, or says what it waited for and
// what the model showed once limit has passed.
func (d *Driver) Wait(what string, limit time.Duration, cond func() bool) error {
	deadline := time.After(limit)
	tick := time.NewTicker(poll)
	defer tick.Stop()
	for !cond() {
		select {
		case e := <-d.msgs:
			d.deliver(e)
		case <-tick.C:
		case <-deadline:
			return fmt.Errorf("waited %s for %s; the model shows:\n%s", limit, what, d.View())
		}
	}
	return nil
}

// WaitFor is Wait for a test: it fails T after Deadline.
func (d *Driver) WaitFor(what string, cond func() bool) {
	d.T.Helper()
	if err := d.Wait(what, Deadline, cond); err != nil {
		d.T.Fatal(err)
	}
}

// WaitView waits until the view contains every text.
func (d *Driver) WaitView(texts ...string) {
	d.T.Helper()
	d.WaitFor("the view to show "+strings.Join(texts, ", "), func() bool {
		v := d.View()
		for _, s := range texts {
			if !strings.Contains(v, s) {
				return false
			}
		}
		return true
	})
}

// Settle delivers messages until none came for quiet. A quiet period is not
// a condition (under load a request outlasts any): tests wait for what they
// need instead (WaitFor, Track's flights); the benchmark paces with it.
func (d *Driver) Settle(quiet time.Duration) {
	for {
		select {
		case e := <-d.msgs:
			d.deliver(e)
		case <-time.After(quiet):
			return
		}
	}
}

// deliver gives a command's message to the model (unless held back or
// intercepted), then counts it out of its flight: the commands its Update
// returned are counted in first, so a flight never reads done half-way.
func (d *Driver) deliver(e envelope) {
	d.mu.Lock()
	if d.hold != nil && d.hold(e.msg) {
		d.held = append(d.held, e)
		d.mu.Unlock()
		return
	}
	d.mu.Unlock()
	defer e.f.add(-1)
	if d.Intercept != nil && d.Intercept(e.msg) {
		return
	}
	d.send(e.msg, e.f)
}
