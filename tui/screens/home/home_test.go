package home

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/hooks"
	"github.com/panel-dev/panel/internal/testmain"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/internal/screentest"
)

func TestMain(m *testing.M) { testmain.Run(m, testmain.ASCIIColors()) }

func TestFirstFrameFromTheContextThenCountsAfterTheGate(t *testing.T) {
	env := screentest.New(t, emulator.Options{}, "alice@example.com")
	env.Ctx.User = &api.User{Email: "alice@example.com", Name: "Alice"}
	m := New(env.Ctx)
	if cmd := m.Init(); cmd != nil {
		t.Fatal("home asked the network before the gate passed")
	}
	d := screentest.Start(t, m)
	v := m.View()
	for _, want := range []string{"alice@example.com (Alice)", "acme", "org_acme", "Invitations  …"} {
		if !strings.Contains(v, want) {
			t.Fatalf("first frame lacks %q:\n%s", want, v)
		}
	}
	env.Ctx.GatePassed = true
	d.Send(common.IdentityMsg{User: env.Ctx.User, Org: env.Ctx.Org})
	d.WaitView("1 pending", "press i") // umbrella's invitation to alice
}

func TestSwitchRecountsAndDropsTheOldCount(t *testing.T) {
	env := screentest.New(t, emulator.Options{}, "alice@example.com")
	env.Ctx.GatePassed = true
	m := New(env.Ctx)
	d := screentest.Start(t, m)
	d.WaitView("1 pending")
	// A count of the old organization still in flight when the switch lands.
	d.Hold(func(msg tea.Msg) bool { _, ok := msg.(invitationsMsg); return ok })
	d.Send(common.IdentityMsg{})
	old := m.pending
	d.Send(env.Switch(t, "org_globex"))
	if m.pending == old || m.pending.Gen == old.Gen {
		t.Fatal("the switch did not start a count for the new generation")
	}
	d.WaitFor("both counts", func() bool { return len(d.Peek()) == 2 })
	for _, msg := range d.Held() {
		if msg.(invitationsMsg).stamp == old {
			d.Send(invitationsMsg{stamp: old, count: 42})
		} else {
			d.Send(msg)
		}
	}
	if v := m.View(); strings.Contains(v, "42 pending") || !strings.Contains(v, "1 pending") { // not "42": the clock may show it
		t.Fatalf("after the switch:\n%s", v)
	}
}

func TestCountFailureGoesToTheFunnelAndSaysUnknown(t *testing.T) {
	env := screentest.New(t, emulator.Options{}, "alice@example.com")
	if err := env.Srv.Controls().AddFault(hooks.Fault{Method: "GET", Path: "/v1/account/organization_invitations",
		Status: 500, Body: `{"status":500,"code":"internal","message":"boom"}`}); err != nil {
		t.Fatal(err)
	}
	env.Ctx.GatePassed = true
	m := New(env.Ctx)
	d := screentest.Start(t, m)
	msg := d.WaitRoot("the error", func(m tea.Msg) bool { _, ok := m.(common.ErrorMsg); return ok }).(common.ErrorMsg)
	if msg.Stamp.IsZero() || !api.IsServerError(msg.Err) {
		t.Fatalf("error to the funnel: %+v", msg)
	}
	d.WaitView("Invitations  unknown")
}

func TestQuickKeysFollowTheGlobals(t *testing.T) {
	// A registry with one other screen, as the root's (which home cannot import).
	orgs := common.ScreenSpec{Route: "orgs", Key: "o", Title: "Organizations", Help: "organizations",
		New: func(c *common.Context, _ common.Opening) common.Screen { return New(c) }}
	ctx := common.NewContext(t.Context(), true, common.NewRegistry(orgs))
	ctx.Keys.SetSignedIn(true)
	m := New(ctx)
	if v := m.View(); !strings.Contains(v, "o   organizations") || !strings.Contains(v, "checking…") {
		t.Fatalf("signed in, nothing known yet:\n%s", v)
	}
	ctx.Keys.SetSignedIn(false)
	if v := m.View(); strings.Contains(v, "organizations") {
		t.Fatalf("navigation keys listed while signed out:\n%s", v)
	}
	if m.ShortHelp() != nil || m.Capturing() {
		t.Fatal("home claims keys")
	}
}
