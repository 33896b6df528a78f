package app

import (
	"context"
	"time"

	"github.com/panel-dev/panel/api"
)

type (
	// LogFilter picks the lines of a log tail: a service's or a
	// deployment's, runtime or build (Type "build").
	LogFilter = api.LogsFilter
	// LogStream is an open log tail; Next reads a line, Close ends it.
	LogStream = api.LogStream
	// LogEntry is one line of a log tail.
	LogEntry = api.LogEntry
)

// The log tail's product rules (B31): a tail shows what happened in the last
// Since (default 10 minutes), at most Lines of it (default 100), then follows;
// Lines 0 shows nothing old and starts at now.
const (
	DefaultTailSince = 10 * time.Minute
	DefaultTailLines = 100
)

// TailOptions say how much history a tail replays before it follows.
type TailOptions struct {
	Since time.Duration // how far back the replay reaches (0: DefaultTailSince)
	Lines int           // at most this many replayed lines; 0: none, start at now
}

// TailParams are the stream's parameters for a filter and options at now.
func TailParams(filter LogFilter, o TailOptions, now time.Time) api.TailLogsParams {
	since := o.Since
	if since <= 0 {
		since = DefaultTailSince
	}
	p := api.TailLogsParams{LogsFilter: filter, Start: now.Add(-since), Limit: min(o.Lines, api.MaxTailLimit)}
	if o.Lines <= 0 {
		p.Start, p.Limit = now, 0
	}
	return p
}

// TailLogs dials the live log stream of filter once: the replay TailOptions
// ask for, then every new line. The stream asks the session for a token
// before every dial and refreshes it when the stream refuses it (B13); a
// reconnect resumes after the last line (B31). The TUI shows a failed dial at
// once with r to reconnect; the CLI retries its first dial like a read.
func (a *App) TailLogs(ctx context.Context, filter LogFilter, o TailOptions) (*LogStream, error) {
	return a.API.TailLogs(ctx, TailParams(filter, o, timeNow()), a.Session)
}
