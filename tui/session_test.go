package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/screens/account"
	"github.com/panel-dev/panel/tui/screens/signin"
)

// checkNow fires the session check of the current generation now, as its
// 60 s timer would.
func (d *driver) checkNow() { d.Send(checkTickMsg{gen: d.m.ctx.Generation()}) }

func TestRevokedDuringAScreenSignsInAndComesBack(t *testing.T) {
	e, d := startSignedIn(t)
	d.WaitView("org acme")
	d.Press("u")
	d.WaitView("Session id")

	e.hook("/_emulator/sessions/revoke", map[string]string{"email": "alice@example.com"})
	d.checkNow()
	d.WaitView("Your session was revoked")
	s, ok := d.m.top().(*signin.Model)
	if !ok || s.Next() != account.Route {
		t.Fatalf("sign-in screen with next %q, want account", d.route())
	}
	if strings.Contains(d.m.View(), "alice@example.com") {
		t.Fatalf("the header still shows the signed-out user:\n%s", d.m.View())
	}
	d.Press("enter")
	d.WaitFor("landing back on account", func() bool { return d.route() == "account" && d.m.auth == authSignedIn })
	d.WaitView("Session id", "org acme")
}

func TestSignOutFromAccount(t *testing.T) {
	e, d := startSignedIn(t)
	d.Press("u")
	d.WaitView("S signs out")
	d.Press("S")
	d.WaitView("Signed out of alice@example.com.", "Sign in to panel")
	if strings.Contains(d.View(), "Signing out") || d.m.status.Text != "" {
		t.Fatalf("the status line still says %q once signed out:\n%s", d.m.status.Text, d.View())
	}

	// A new process finds no session and shows the sign-in screen.
	d2 := startModel(t, e.deps())
	d2.WaitView("Sign in to panel")
}

func TestRedirectLoopGuard(t *testing.T) {
	// The API trusts another client's keys: every fresh token is refused.
	e := newEnv(t, emulator.Options{JWKSURL: "http://127.0.0.1:1/sso/jwks/other"})
	d := startModel(t, e.deps())
	d.WaitView("Sign in to panel")
	d.Press("enter")
	d.WaitView("rejected the new token", e.srv.ClientID)
	if d.route() != "signin" {
		t.Fatalf("route %q, want signin", d.route())
	}
	if s := d.m.top().(*signin.Model); s.Link() != "" {
		t.Fatal("a new sign-in started by itself")
	}
}

func TestStaleErrorsAndTimersAreDropped(t *testing.T) {
	_, d := startSignedIn(t)
	d.WaitView("org acme")
	old := d.m.ctx.Stamp()
	d.m.ctx.NextGeneration()
	d.Send(common.ErrorMsg{Err: errString("late failure of the old org"), Stamp: old})
	if strings.Contains(d.m.View(), "late failure") {
		t.Fatal("an error of the previous generation reached the status line")
	}
	// Checked on the returned command, not on the message queue: commands
	// of the sign-in (project, home's loads) may still be landing there.
	for _, tick := range []tea.Msg{checkTickMsg{gen: old.Gen}, refreshTickMsg{gen: old.Gen}} {
		if _, cmd := d.m.Update(tick); cmd != nil {
			t.Fatalf("a %T of the previous generation started work", tick)
		}
	}
}

type errString string

func (e errString) Error() string { return string(e) }
