package logs

import (
	"context"
	"errors"
	"io"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
)

// openedMsg answers the dial.
type openedMsg struct {
	Stamp  common.Stamp
	Stream *app.LogStream
	Err    error
}

// lineMsg is one frame of the stream; Err ends the tail (io.EOF: the
// server closed it normally).
type lineMsg struct {
	Stamp common.Stamp
	Entry app.LogEntry
	Err   error
}

// dial opens the stream: the last minutes, then every new line (B31); app
// asks for a token on every dial (B13).
func dial(ctx context.Context, a common.App, s common.Stamp, f app.LogFilter) tea.Cmd {
	return func() tea.Msg {
		st, err := a.TailLogs(ctx, f, app.TailOptions{Lines: app.DefaultTailLines})
		return openedMsg{Stamp: s, Stream: st, Err: err}
	}
}

// next reads one line; the pane issues it again after each line, so the
// stream stops being read as soon as the pane stops asking.
func next(ctx context.Context, st *app.LogStream, s common.Stamp) tea.Cmd {
	return func() tea.Msg {
		e, err := st.Next(ctx)
		if err != nil && ctx.Err() != nil {
			return nil // stopped on purpose
		}
		return lineMsg{Stamp: s, Entry: e, Err: err}
	}
}

// endedNormally reports a stream the server closed without error.
func endedNormally(err error) bool { return errors.Is(err, io.EOF) }
