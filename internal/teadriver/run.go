package teadriver

import (
	"reflect"

	tea "github.com/charmbracelet/bubbletea"
)

// runner runs commands the way the program does — each off the caller's
// goroutine, a batch's commands at once, a sequence's one after the other —
// and delivers their messages to out until done is closed (then results are
// dropped, so no goroutine outlives the driver). Each message goes out with
// the flight of the command that returned it.
type runner struct {
	out  chan<- envelope
	done <-chan struct{}
}

// envelope is a message returned by a command, and the flight it belongs to.
type envelope struct {
	msg tea.Msg
	f   *Flight
}

var cmdType = reflect.TypeFor[tea.Cmd]()

// run executes cmd in the background as part of f; nil commands and nil messages are skipped.
func (r runner) run(cmd tea.Cmd, f *Flight) {
	if cmd == nil {
		return
	}
	f.add(1)
	go r.exec(cmd, false, f)
}

// exec runs cmd on this goroutine; a sequence inside runs in order here
// (wait), a batch's commands each on their own goroutine. The command counts
// in f until it returned and its message is queued (or dropped).
func (r runner) exec(cmd tea.Cmd, wait bool, f *Flight) {
	if !wait {
		defer f.add(-1)
	}
	msg := cmd()
	if msg == nil {
		return
	}
	if cmds, batch, ok := commands(msg); ok {
		for _, c := range cmds {
			switch {
			case c == nil:
			case batch && !wait:
				f.add(1)
				go r.exec(c, false, f)
			default:
				r.exec(c, true, f)
			}
		}
		return
	}
	f.add(1) // the message, until delivered
	select {
	case r.out <- envelope{msg: msg, f: f}:
	case <-r.done:
		f.add(-1)
	}
}

// commands unpacks tea.Batch's message (batch) and tea.Sequence's, whose type
// is the program's own: both are slices of commands.
func commands(msg tea.Msg) (cmds []tea.Cmd, batch, ok bool) {
	if b, isBatch := msg.(tea.BatchMsg); isBatch {
		return b, true, true
	}
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != cmdType {
		return nil, false, false
	}
	cmds = make([]tea.Cmd, v.Len())
	for i := range cmds {
		cmds[i], _ = v.Index(i).Interface().(tea.Cmd)
	}
	return cmds, false, true
}
