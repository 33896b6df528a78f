package listscreen

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/common"
)

// Acted answers an action on an item (remove, resend, revoke, decline).
type Acted struct {
	Stamp common.Stamp
	What  string // the success line: "Revoked the invitation to dave@example.com"
	Err   error
}

// Act runs fn off the UI goroutine and answers Acted with stamp s; what is
// said when it succeeds. fn must only use values captured by the caller.
func Act(ctx context.Context, s common.Stamp, what string, fn func(context.Context) error) tea.Cmd {
	return func() tea.Msg { return Acted{Stamp: s, What: what, Err: fn(ctx)} }
}

// Outcome is what the answer leads to: nothing when it answers another
// action than want, the error to the funnel, or the success line and then.
func (a Acted) Outcome(want common.Stamp, then ...tea.Cmd) tea.Cmd {
	switch {
	case !want.Answers(a.Stamp):
		return nil
	case a.Err != nil:
		return common.ReportStampedError(a.Stamp, a.Err)
	}
	return tea.Batch(append([]tea.Cmd{common.Success(a.What)}, then...)...)
}
