package common

import (
	"context"
	"sync/atomic"

	tea "github.com/charmbracelet/bubbletea"
)

// Generation numbers the organization a screen's data belongs to. The root
// bumps it on every organization switch, sign-in and sign-out; timers and
// results of an older generation are dropped.
type Generation uint64

// RequestID identifies one request; ids are unique in the process, so a
// screen can tell its own results from anyone else's.
type RequestID uint64

var lastRequestID atomic.Uint64

// NewRequestID returns a fresh, process-unique request id.
func NewRequestID() RequestID { return RequestID(lastRequestID.Add(1)) }

// Stamp is carried by a request's command and its result message.
type Stamp struct {
	ID  RequestID
	Gen Generation
}

// IsZero reports an unset stamp.
func (s Stamp) IsZero() bool { return s.ID == 0 }

// Answers reports whether result stamp r answers the request stamped s:
// same request id and same generation.
func (s Stamp) Answers(r Stamp) bool { return !s.IsZero() && s == r }

// Result is a ready-made result message for one stamped request; a screen
// may define its own messages instead (same rule: carry the stamp).
type Result[T any] struct {
	Stamp Stamp
	Value T
	Err   error
}

// Fetch returns a command that runs fn off the UI goroutine and delivers
// Result[T] with stamp s. fn must only use values captured by the caller.
func Fetch[T any](ctx context.Context, s Stamp, fn func(context.Context) (T, error)) tea.Cmd {
	return func() tea.Msg {
		v, err := fn(ctx)
		return Result[T]{Stamp: s, Value: v, Err: err}
	}
}
