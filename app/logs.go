package app

import (
	"context"

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

// TailLogs dials the live log stream of filter once, replaying the last
// lines first (B13). The session's token is asked for on every dial, so a
// reconnect never uses an expired one. The TUI shows a failed dial at once
// with r to reconnect; the CLI retries its first dial like a read.
func (a *App) TailLogs(ctx context.Context, filter LogFilter, lines int) (*LogStream, error) {
	return a.API.TailLogs(ctx, api.TailLogsParams{LogsFilter: filter, Limit: lines}, a.Session.Token)
}
