package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/internal/teacmd"
)

// modelDriver plays Bubble Tea's loop for a model: commands run on
// goroutines and their messages come back through Update on the caller's
// goroutine, one at a time, with View drawn after each (Bubble Tea draws the
// latest View on a frame tick, 120 times a second in panel).
type modelDriver struct {
	m    tea.Model
	msgs chan tea.Msg
	ctx  context.Context
}

func newModelDriver(ctx context.Context, m tea.Model, width, height int) *modelDriver {
	d := &modelDriver{m: m, msgs: make(chan tea.Msg, 4096), ctx: ctx}
	d.m, _ = d.m.Update(tea.WindowSizeMsg{Width: width, Height: height})
	d.run(d.m.Init())
	return d
}

func (d *modelDriver) run(cmd tea.Cmd) {
	teacmd.Runner{Out: d.msgs, Done: d.ctx.Done()}.Run(cmd)
}

func (d *modelDriver) send(msg tea.Msg) {
	if _, quit := msg.(tea.QuitMsg); quit {
		return
	}
	var cmd tea.Cmd
	d.m, cmd = d.m.Update(msg)
	d.run(cmd)
}

// typeText sends one key per rune; "enter" and "esc" are those keys.
func (d *modelDriver) typeText(s string) {
	switch s {
	case "enter":
		d.send(tea.KeyMsg{Type: tea.KeyEnter})
	case "esc":
		d.send(tea.KeyMsg{Type: tea.KeyEsc})
	default:
		for _, r := range s {
			d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		}
	}
}

// waitFor delivers messages until cond holds for the drawn frame.
func (d *modelDriver) waitFor(what string, limit time.Duration, cond func(view string) bool) error {
	timeout := time.After(limit)
	for !cond(d.m.View()) {
		select {
		case msg := <-d.msgs:
			d.send(msg)
		case <-timeout:
			return fmt.Errorf("timed out waiting for %s; screen:\n%s", what, d.m.View())
		}
	}
	return nil
}

// settle delivers messages until none came for quiet.
func (d *modelDriver) settle(quiet time.Duration) {
	for {
		select {
		case msg := <-d.msgs:
			d.send(msg)
		case <-time.After(quiet):
			return
		}
	}
}

// header is the first line of a frame (the TUI's header).
func header(view string) string {
	line, _, _ := strings.Cut(view, "\n")
	return line
}
