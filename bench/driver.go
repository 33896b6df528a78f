package main

import (
	"context"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/internal/teadriver"
)

// newModelDriver drives m with the one model driver (internal/teadriver) at
// width×height: commands run on goroutines and their messages come back
// through Update on the caller's goroutine, one at a time, and a wait looks
// at the View after each (Bubble Tea draws the latest View on a frame tick,
// 120 times a second in panel).
func newModelDriver(ctx context.Context, m tea.Model, width, height int) *teadriver.Driver {
	return teadriver.New(ctx.Done(), m).Start(width, height)
}

// waitFrame delivers messages until cond holds for the drawn frame.
func waitFrame(d *teadriver.Driver, what string, limit time.Duration, cond func(view string) bool) error {
	return d.Wait(what, limit, func() bool { return cond(d.View()) })
}

// header is the first line of a frame (the TUI's header).
func header(view string) string {
	line, _, _ := strings.Cut(view, "\n")
	return line
}
