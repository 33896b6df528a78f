package tui

import (
	"context"
	"testing"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/teadriver"
	"github.com/panel-dev/panel/tui/common"
)

// driver drives the root model with the one model driver (internal/teadriver)
// at 80×24; m is the root, for looking inside.
type driver struct {
	*teadriver.Driver
	t testing.TB
	m *Model
}

func startModel(t testing.TB, d Deps) *driver { return startModelWith(t, d, Screens()) }

// startModelWith is startModel with the screens of reg.
func startModelWith(t testing.TB, d Deps, reg *common.Registry) *driver {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	m := newModel(ctx, d, reg)
	dr := &driver{Driver: teadriver.New(ctx.Done(), m), t: t, m: m}
	dr.T = t
	dr.Start(80, 24)
	return dr
}

func (d *driver) route() string { return string(d.m.top().Route()) }

// signIn drives the sign-in screen with the test browser and waits for home.
func (d *driver) signIn() {
	d.t.Helper()
	d.WaitView("Sign in to panel")
	d.Press("enter")
	d.WaitFor("the gate to pass", func() bool { return d.m.auth == authSignedIn })
}

// startSignedIn starts the root on a fresh profile against a fresh emulator
// and signs alice in through the sign-in screen.
func startSignedIn(t *testing.T) (*env, *driver) {
	t.Helper()
	e := newEnv(t, emulator.Options{})
	d := startModel(t, e.deps())
	d.signIn()
	return e, d
}
