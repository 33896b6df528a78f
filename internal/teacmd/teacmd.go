// Package teacmd runs Bubble Tea commands the way the runtime does — each off
// the caller's goroutine, batches flattened — for drivers that feed a model's
// Update by hand: the TUI's tests and the benchmark harness.
package teacmd

import tea "github.com/charmbracelet/bubbletea"

// Runner delivers the message of every command it runs to Out, until Done is
// closed (then results are dropped, so no goroutine outlives the driver).
type Runner struct {
	Out  chan<- tea.Msg
	Done <-chan struct{}
}

// Run executes cmd in the background; nil commands and nil messages are skipped.
func (r Runner) Run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		msg := cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				r.Run(c)
			}
			return
		}
		if msg == nil {
			return
		}
		select {
		case r.Out <- msg:
		case <-r.Done:
		}
	}()
}
