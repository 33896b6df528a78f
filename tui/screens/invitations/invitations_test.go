package invitations

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/testmain"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/internal/screentest"
)

func TestMain(m *testing.M) { testmain.Run(m, testmain.ASCIIColors()) }

func start(t *testing.T, route common.Route) (*screentest.Env, *screentest.Driver, *Model) {
	env := screentest.New(t, emulator.Options{}, "alice@example.com")
	m := New(env.Ctx, route)
	d := screentest.Start(t, m)
	d.WaitFor("both tabs", func() bool { return !m.sent.Loading() && !m.received.Loading() })
	return env, d, m
}

func sentEmails(m *Model) string {
	var out []string
	for _, i := range m.sent.Items() {
		out = append(out, i.Email)
	}
	return strings.Join(out, ",")
}

func TestSentArePendingByDefaultAndSCyclesTheStatus(t *testing.T) {
	_, d, m := start(t, Route)
	if got := sentEmails(m); got != "dave@example.com" {
		t.Fatalf("pending: %s", got)
	}
	d.WaitView("Received (1)", "status: pending")
	for range 3 { // accepted, refused, expired
		d.Type("s")
	}
	d.WaitFor("expired ones", func() bool { return !m.sent.Loading() && sentEmails(m) == "erin@example.com" })
	d.Type("s")
	d.WaitFor("every status", func() bool { return !m.sent.Loading() && len(m.sent.Items()) == 2 })
}

func TestSendWithOneBadEmailReportsItOnItsLineAndSendsTheRest(t *testing.T) {
	_, d, m := start(t, Route)
	d.Type("n")
	if !m.Capturing() {
		t.Fatal("the email input does not capture keys")
	}
	d.Type("quinn@example.com") // q, i, n… are text here, not quit or invite
	d.Key(tea.KeyEnter)
	d.Send(tea.KeyMsg{Type: tea.KeyRunes, Paste: true, Runes: []rune("Carol@Example.com, not-an-email\nbob@example.com")})
	d.Send(tea.KeyMsg{Type: tea.KeyCtrlS})
	d.WaitFor("every answer", func() bool { return m.emails != nil && m.sendsLeft == 0 && !strings.Contains(m.View(), "Sending") })
	lines := m.emails.Lines()
	want := map[string]string{"quinn@example.com": "sent", "Carol@Example.com": "sent", "not-an-email": "not a valid",
		"bob@example.com": "member"}
	for _, l := range lines {
		w, ok := want[l.Text]
		switch {
		case !ok:
			continue
		case w == "sent" && !l.Sent:
			t.Errorf("%s not sent: %q", l.Text, l.Err)
		case w != "sent" && (l.Sent || !strings.Contains(l.Err, w)):
			t.Errorf("%s: sent=%v err=%q, want an error with %q", l.Text, l.Sent, l.Err, w)
		}
		delete(want, l.Text)
	}
	if len(want) > 0 {
		t.Fatalf("lines missing: %v in %+v", want, lines)
	}
	d.WaitView("✗ not a valid email", "✓ sent", "2 sent, 2 not sent")
	d.Key(tea.KeyEsc)
	d.WaitFor("the new invitations listed", func() bool {
		return !m.sent.Loading() && strings.Contains(sentEmails(m), "carol@example.com") &&
			strings.Contains(sentEmails(m), "quinn@example.com")
	})
}

func TestRevokeAfterConfirmationAndResend(t *testing.T) {
	_, d, m := start(t, Route)
	d.Type("r")
	d.WaitRoot("resent", func(msg tea.Msg) bool {
		s, ok := msg.(common.StatusMsg)
		return ok && strings.Contains(s.Text, "Resent the invitation to dave@example.com")
	})
	d.Type("x")
	d.WaitView("Revoke the invitation to dave@example.com?")
	d.Type("y")
	d.WaitFor("dave gone", func() bool { return !m.sent.Loading() && len(m.sent.Items()) == 0 })
	d.WaitView("Press n to invite")
}

func TestAcceptSwitchesIntoTheOrganization(t *testing.T) {
	env, d, m := start(t, Route.With("received"))
	if m.Tab() != Received {
		t.Fatal("the received route opens the sent tab")
	}
	d.WaitView("umbrella", "pending", "from Bob Brown")
	d.Type("a")
	via := d.WaitRoot("accept and switch", func(msg tea.Msg) bool { _, ok := msg.(common.SwitchViaMsg); return ok }).(common.SwitchViaMsg)
	done, switched := env.RunSwitch(t, via)
	if done.Err != nil || switched == nil || switched.Org.ExternalID != "org_umbrella" {
		t.Fatalf("accept: %v %+v", done.Err, switched)
	}
	d.Send(*switched, done)
	d.WaitFor("reloaded in umbrella", func() bool { return !m.received.Loading() && len(m.received.Items()) == 0 })
}

func TestDeclineAndTabFlips(t *testing.T) {
	_, d, m := start(t, Route)
	d.Key(tea.KeyTab)
	if m.Tab() != Received || m.Route() != "invitations/received" {
		t.Fatalf("tab: %v %s", m.Tab(), m.Route())
	}
	d.Type("d")
	d.WaitFor("declined", func() bool { return !m.received.Loading() && len(m.received.Items()) == 0 })
	d.WaitView("No pending invitation")
}

func TestLateSentListOfTheOldOrganizationIsIgnored(t *testing.T) {
	env, d, m := start(t, Route)
	d.Hold(func(msg tea.Msg) bool { _, ok := msg.(common.Result[[]app.Invitation]); return ok })
	d.Run(m.sent.Reload(false))
	d.WaitFor("acme's list held back", func() bool { return len(d.Peek()) > 0 })
	late := d.Held()
	d.Send(env.Switch(t, "org_globex"))
	d.WaitFor("globex's list", func() bool { return !m.sent.Loading() })
	d.Send(late...)
	if got := sentEmails(m); got != "" {
		t.Fatalf("acme's invitations shown under globex: %s", got)
	}
}
