package teadriver

import "sync/atomic"

// A Flight is the work one message started (Track): the commands its Update
// returned, the messages those commands returned, the commands their Updates
// returned, and so on. Done says none of it is left — no command running, no
// message waiting to be delivered or held back — so whatever that message was
// going to change has changed. It is a causal notion, not a quiet period: a
// slow request keeps its flight open however long it takes. A chain that
// never ends (a ticking timer, a blinking cursor) keeps it open for good, so
// a wait on Done alone needs another way out (the change it waits for).
type Flight struct{ n atomic.Int64 }

// Done reports whether everything the message started has finished.
func (f *Flight) Done() bool { return f.n.Load() == 0 }

// add counts work in (1) or out (-1); a nil flight (work nobody tracks) counts nothing.
func (f *Flight) add(d int64) {
	if f != nil {
		f.n.Add(d)
	}
}
