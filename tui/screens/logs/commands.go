package logs

import (
	"context"
	"errors"
	"io"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/tui/common"
)

// openedMsg answers the dial.
type openedMsg struct {
	Stamp  common.Stamp
	Stream *api.LogStream
	Err    error
}

// lineMsg is one frame of the stream; Err ends the tail (io.EOF: the
// server closed it normally).
type lineMsg struct {
	Stamp common.Stamp
	Entry api.LogEntry
	Err   error
}

// dial opens the stream; token is asked before every dial (B13).
func dial(ctx context.Context, c *api.Client, token api.TokenFunc, s common.Stamp, p api.TailLogsParams) tea.Cmd {
	return func() tea.Msg {
		st, err := c.TailLogs(ctx, p, token)
		return openedMsg{Stamp: s, Stream: st, Err: err}
	}
}

// next reads one line; the pane issues it again after each line, so the
// stream stops being read as soon as the pane stops asking.
func next(ctx context.Context, st *api.LogStream, s common.Stamp) tea.Cmd {
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
