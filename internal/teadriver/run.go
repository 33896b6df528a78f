package teadriver

import (
	"reflect"

	tea "github.com/charmbracelet/bubbletea"
)

// runner runs commands the way the program does — each off the caller's
// goroutine, a batch's commands at once, a sequence's one after the other —
// and delivers their messages to out until done is closed (then results are
// dropped, so no goroutine outlives the driver).
type runner struct {
	out  chan<- tea.Msg
	done <-chan struct{}
}

var cmdType = reflect.TypeFor[tea.Cmd]()

// run executes cmd in the background; nil commands and nil messages are skipped.
func (r runner) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go r.exec(cmd, false)
}

// exec runs cmd on this goroutine; a sequence inside runs in order here
// (wait), a batch's commands each on their own goroutine.
func (r runner) exec(cmd tea.Cmd, wait bool) {
	msg := cmd()
	if msg == nil {
		return
	}
	if cmds, batch, ok := commands(msg); ok {
		for _, c := range cmds {
			switch {
			case c == nil:
			case batch && !wait:
				go r.exec(c, false)
			default:
				r.exec(c, true)
			}
		}
		return
	}
	select {
	case r.out <- msg:
	case <-r.done:
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
