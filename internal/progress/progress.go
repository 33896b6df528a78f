// Package progress is the CLI's spinner: while a command waits on the network for longer than Delay, a
// terminal's stderr shows a spinning frame and what is being waited for; a pipe or a file never does, and
// stdout is never touched, so the spinner can't end up in data. Stop erases the line.
package progress

import (
	"io"
	"sync"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
)

// Delay is how long a wait goes unremarked: shorter ones would only flicker.
const Delay = 300 * time.Millisecond

// Indicator is one running spinner.
type Indicator struct {
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

// Start shows label with a spinner on w after delay, until Stop; when w is not a terminal (terminal is
// false) it does nothing. w must be the raw stream: the spinner redraws its line with a carriage return and
// erases it with an escape sequence, both its own.
func Start(w io.Writer, terminal bool, delay time.Duration, label string) *Indicator {
	ind := &Indicator{stop: make(chan struct{}), done: make(chan struct{})}
	if !terminal {
		close(ind.done)
		return ind
	}
	go ind.spin(w, delay, label)
	return ind
}

func (ind *Indicator) spin(w io.Writer, delay time.Duration, label string) {
	defer close(ind.done)
	wait := time.NewTimer(delay)
	defer wait.Stop()
	select {
	case <-ind.stop:
		return
	case <-wait.C:
	}
	s := spinner.Dot
	tick := time.NewTicker(s.FPS)
	defer tick.Stop()
	for i := 0; ; i++ {
		_, _ = io.WriteString(w, "\r"+s.Frames[i%len(s.Frames)]+" "+label)
		select {
		case <-ind.stop:
			_, _ = io.WriteString(w, "\r\x1b[K")
			return
		case <-tick.C:
		}
	}
}

// Stop ends the spinner and returns once its line is erased; it may be called more than once.
func (ind *Indicator) Stop() {
	if ind == nil {
		return
	}
	ind.once.Do(func() {
		select {
		case <-ind.done:
		default:
			close(ind.stop)
		}
	})
	<-ind.done
}
