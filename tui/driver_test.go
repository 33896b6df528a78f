package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/internal/teacmd"
	"github.com/panel-dev/panel/tui/common"
)

// deadline bounds every wait for a condition.
const deadline = 20 * time.Second

// driver plays Bubble Tea's loop for the root model: commands run on
// goroutines and their messages come back through Update on the test's
// goroutine, in arrival order.
type driver struct {
	t    testing.TB
	m    *Model
	msgs chan tea.Msg
	ctx  context.Context
	quit bool
}

func startModel(t testing.TB, d Deps) *driver { return startModelWith(t, d, Screens()) }

// startModelWith is startModel with the screens of reg.
func startModelWith(t testing.TB, d Deps, reg *common.Registry) *driver {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	dr := &driver{t: t, m: newModel(ctx, d, reg), msgs: make(chan tea.Msg, 1024), ctx: ctx}
	dr.m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	dr.run(dr.m.Init())
	return dr
}

func (d *driver) run(cmd tea.Cmd) {
	teacmd.Runner{Out: d.msgs, Done: d.ctx.Done()}.Run(cmd)
}

func (d *driver) send(msg tea.Msg) {
	if _, ok := msg.(tea.QuitMsg); ok {
		d.quit = true
		return
	}
	_, cmd := d.m.Update(msg)
	d.run(cmd)
}

// press sends keys: "enter", "esc", "tab", "ctrl+c", or runes typed one by one.
func (d *driver) press(keys ...string) {
	for _, k := range keys {
		switch k {
		case "enter":
			d.send(tea.KeyMsg{Type: tea.KeyEnter})
		case "esc":
			d.send(tea.KeyMsg{Type: tea.KeyEsc})
		case "tab":
			d.send(tea.KeyMsg{Type: tea.KeyTab})
		case "ctrl+c":
			d.send(tea.KeyMsg{Type: tea.KeyCtrlC})
		default:
			for _, r := range k {
				d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
			}
		}
	}
}

// waitFor delivers messages until cond holds.
func (d *driver) waitFor(what string, cond func() bool) {
	d.t.Helper()
	timeout := time.After(deadline)
	for !cond() {
		select {
		case msg := <-d.msgs:
			d.send(msg)
		case <-timeout:
			d.t.Fatalf("timed out waiting for %s; screen:\n%s", what, d.m.View())
		}
	}
}

// waitView waits until the drawn frame contains every text.
func (d *driver) waitView(texts ...string) {
	d.t.Helper()
	d.waitFor("the screen to show "+strings.Join(texts, ", "), func() bool {
		v := d.m.View()
		for _, s := range texts {
			if !strings.Contains(v, s) {
				return false
			}
		}
		return true
	})
}

func (d *driver) route() string { return string(d.m.top().Route()) }

// signIn drives the sign-in screen with the test browser and waits for home.
func (d *driver) signIn() {
	d.t.Helper()
	d.waitView("Sign in to panel")
	d.press("enter")
	d.waitFor("the gate to pass", func() bool { return d.m.auth == authSignedIn })
}
