package onboarding

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/testmain"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/internal/screentest"
)

func TestMain(m *testing.M) { testmain.Run(m, testmain.ASCIIColors()) }

// carol is signed in with no organization (B23); invitedBy lists the
// organizations that invited her first.
func carol(t *testing.T, invitedBy ...string) (*screentest.Env, *screentest.Driver, *Model) {
	env := screentest.New(t, emulator.Options{}, "carol@example.com")
	if env.Ctx.Org != nil {
		t.Fatalf("carol is in %s", env.Ctx.Org.Name)
	}
	alice, _ := env.Srv.State().UserByEmail("alice@example.com")
	for _, org := range invitedBy {
		if _, err := env.Srv.State().CreateInvitation(org, alice.ID, "carol@example.com", "member"); err != nil {
			t.Fatal(err)
		}
	}
	env.Ctx.GatePassed = true
	m := New(env.Ctx)
	d := screentest.Start(t, m)
	d.WaitFor("the invitations", func() bool { return !m.list.Loading() })
	return env, d, m
}

func switchRequest(d *screentest.Driver) common.SwitchViaMsg {
	d.T.Helper()
	return d.WaitRoot("a switch request", func(m tea.Msg) bool { _, ok := m.(common.SwitchViaMsg); return ok }).(common.SwitchViaMsg)
}

func TestNoInvitationSaysWhatToDo(t *testing.T) {
	_, d, m := carol(t)
	d.WaitView("carol@example.com is not a member of any organization yet", "No invitation is waiting for you")
	m.ShortHelp() // brings the keys up to date
	if m.keys.Accept.Enabled() || !m.keys.Create.Enabled() {
		t.Fatal("accept offered with nothing to accept, or create not offered")
	}
}

func TestAcceptSwitchesThroughTheRoot(t *testing.T) {
	env, d, m := carol(t, "org_acme")
	d.WaitView("acme", "from alice@example.com")
	d.Type("a")
	via := switchRequest(d)
	d.WaitView("Accepting the invitation to acme…")
	if m.ShortHelp()[0].Enabled() {
		t.Fatal("accept offered again while one runs")
	}
	done, switched := env.RunSwitch(t, via)
	if done.Err != nil || switched == nil || switched.Org.ExternalID != "org_acme" {
		t.Fatalf("accept: %v", done.Err)
	}
	d.Send(*switched, done)
	if m.working != "" || !m.acting.IsZero() {
		t.Fatalf("still working after the switch: %q", m.working)
	}
}

func TestDeclineReloads(t *testing.T) {
	_, d, _ := carol(t, "org_acme", "org_globex")
	d.WaitView("acme", "globex")
	d.Type("d") // the first: acme
	d.WaitRoot("the success line", func(m tea.Msg) bool {
		s, ok := m.(common.StatusMsg)
		return ok && s.Text == "Invitation declined."
	})
	d.WaitFor("acme gone", func() bool {
		v := d.Screen.View()
		return !strings.Contains(v, "acme") && strings.Contains(v, "globex")
	})
}

func TestCreateChecksTheRuleAsYouTypeAndShowsTheAPIsFieldError(t *testing.T) {
	env, d, m := carol(t)
	d.Type("n")
	if !m.Capturing() {
		t.Fatal("the name input does not capture keys")
	}
	d.Type("q") // a q is text, not quit
	if m.form.Value() != "q" {
		t.Fatalf("name %q", m.form.Value())
	}
	d.Type("-")
	d.WaitView("must end with a letter or a digit")
	d.Key(tea.KeyEnter)
	if len(d.Root()) != 0 {
		t.Fatalf("a broken name was sent: %#v", d.Root())
	}
	d.Key(tea.KeyBackspace)
	d.Key(tea.KeyBackspace)
	d.Type("acme") // taken: the API says so under the input (B21)
	d.Key(tea.KeyEnter)
	done, switched := env.RunSwitch(t, switchRequest(d))
	if switched != nil || !api.IsValidation(done.Err) {
		t.Fatalf("creating a taken name: %v", done.Err)
	}
	d.Send(done)
	d.WaitView("is already taken")
	if m.form == nil || m.form.Busy() {
		t.Fatal("the form closed or stayed busy after a refusal")
	}
	d.Key(tea.KeyEsc)
	if m.form != nil || m.Capturing() {
		t.Fatal("esc did not close the form")
	}
}

func TestLateInvitationsAreDroppedAndErrorsRetry(t *testing.T) {
	_, d, m := carol(t, "org_acme")
	d.WaitView("acme")
	m.Update(common.Result[[]app.Invitation]{Stamp: common.Stamp{ID: common.NewRequestID(), Gen: m.ctx.Generation()},
		Value: []app.Invitation{{ID: "x", Organization: &api.PublicOrganization{Name: "ghost-org"}}}})
	if strings.Contains(m.View(), "ghost-org") {
		t.Fatal("an answer nobody asked for was shown")
	}
	_ = m.list.Reload(false) // a load in flight (not run: its answer is the one below)
	_, cmd := m.Update(common.Result[[]app.Invitation]{Stamp: m.list.Stamp(), Err: &api.Error{Status: 503, Message: "unavailable"}})
	if cmd == nil || !strings.Contains(m.View(), "unavailable") || !strings.Contains(m.View(), "retry") {
		t.Fatalf("a failed load:\n%s", m.View())
	}
	d.Type("r")
	d.WaitFor("the reload", func() bool { return !m.list.Loading() && m.list.Err() == "" })
	d.WaitView("acme")
}
