package members

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/seed"
	"github.com/panel-dev/panel/internal/testmain"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/internal/screentest"
)

func TestMain(m *testing.M) { testmain.Run(m, testmain.ASCIIColors()) }

func start(t *testing.T, opts emulator.Options, email string) (*screentest.Env, *screentest.Driver, *Model) {
	env := screentest.New(t, opts, email)
	m := New(env.Ctx)
	d := screentest.Start(t, m)
	d.WaitFor("members", func() bool { return len(m.Members()) > 0 && !m.list.Loading() })
	return env, d, m
}

func emails(m *Model) string {
	var out []string
	for _, mb := range m.Members() {
		out = append(out, memberEmail(mb))
	}
	return strings.Join(out, ",")
}

func TestRemoveAfterConfirmation(t *testing.T) {
	_, d, m := start(t, emulator.Options{}, "alice@example.com")
	d.WaitView("alice@example.com", "bob@example.com", "owner", "you")
	d.Type("j") // down to bob
	d.Type("x")
	if !m.Capturing() || !strings.Contains(m.View(), "Remove Bob Brown from acme?") {
		t.Fatalf("no confirmation:\n%s", m.View())
	}
	d.Type("q") // a modal takes every key; q neither quits nor answers
	if m.ask == nil {
		t.Fatal("q closed the confirmation")
	}
	d.Type("y")
	d.WaitFor("bob removed", func() bool { return emails(m) == "alice@example.com" })
}

func TestRemovingYourselfPointsToLeave(t *testing.T) {
	_, d, m := start(t, emulator.Options{}, "alice@example.com")
	d.Type("x") // alice is first
	if m.ask != nil {
		t.Fatal("asked to remove yourself")
	}
	d.WaitRoot("a hint", func(msg tea.Msg) bool {
		s, ok := msg.(common.StatusMsg)
		return ok && strings.Contains(s.Text, "L to leave")
	})
}

func TestLateMemberListOfTheOldOrganizationIsIgnored(t *testing.T) {
	env, d, m := start(t, emulator.Options{}, "alice@example.com")
	d.Hold(func(msg tea.Msg) bool { _, ok := msg.(common.Result[[]app.Member]); return ok })
	d.Run(m.list.Reload(false)) // as on opening the screen again
	d.WaitFor("acme's members, held back", func() bool { return len(d.Peek()) > 0 })
	late := d.Held()

	d.Send(env.Switch(t, "org_globex"))
	d.WaitFor("globex's members", func() bool { return !m.list.Loading() && len(m.Members()) > 0 })
	d.Send(late...) // acme's list (with bob) arrives after the switch
	if got := emails(m); got != "alice@example.com" {
		t.Fatalf("members shown under globex: %s", got)
	}
	if !strings.Contains(m.View(), "Members of globex") || strings.Contains(m.View(), "bob@") {
		t.Fatalf("view:\n%s", m.View())
	}
}

func TestLeaveNeedsTheOrganizationNameThenSwitches(t *testing.T) {
	env, d, m := start(t, emulator.Options{}, "bob@example.com")
	d.Type("L")
	d.Type("acmq")
	d.Key(tea.KeyEnter)
	if m.ask == nil || m.ask.Value() != "acmq" {
		t.Fatal("a wrong name (with q typed as text) must keep the modal open")
	}
	d.Key(tea.KeyBackspace)
	d.Type("e")
	d.Key(tea.KeyEnter)
	via := d.WaitRoot("the switch after leaving", func(msg tea.Msg) bool {
		_, ok := msg.(common.SwitchViaMsg)
		return ok
	}).(common.SwitchViaMsg)
	done, switched := env.RunSwitch(t, via)
	if done.Err != nil || switched == nil || switched.Org.ExternalID != "org_umbrella" {
		t.Fatalf("left acme into %+v (%v)", switched, done.Err)
	}
	if env.Ctx.OrgExternalID() != "org_umbrella" {
		t.Fatalf("session is in %s", env.Ctx.OrgExternalID())
	}
	d.Send(*switched, done)
	d.WaitView("Members of umbrella")
	d.WaitFor("umbrella's members", func() bool { return !m.list.Loading() }) // its read is over before the test ends
}

func TestLeavingTheLastOrganizationSignsOut(t *testing.T) {
	s := seed.Demo()
	for i := range s.Organizations {
		if s.Organizations[i].ExternalID == "org_globex" {
			s.Organizations[i].Members = append(s.Organizations[i].Members, seed.Member{Email: "carol@example.com", Role: "member"})
		}
	}
	_, d, _ := start(t, emulator.Options{Seed: s}, "carol@example.com")
	d.Type("L")
	d.Type("globex")
	d.Key(tea.KeyEnter)
	out := d.WaitRoot("signed out", func(msg tea.Msg) bool { _, ok := msg.(common.SignedOutMsg); return ok })
	if r := out.(common.SignedOutMsg).Reason; !strings.Contains(r, "globex") {
		t.Fatalf("reason %q", r)
	}
}

func TestDeactivatedOrganizationGoesToTheFunnel(t *testing.T) {
	env, d, m := start(t, emulator.Options{}, "alice@example.com")
	if _, err := env.Srv.State().SetOrganizationStatus("org_acme", "DEACTIVATED"); err != nil {
		t.Fatal(err)
	}
	d.Run(m.list.Reload(true)) // r, as after an error
	got := d.WaitRoot("the error funnel", func(msg tea.Msg) bool { _, ok := msg.(common.ErrorMsg); return ok }).(common.ErrorMsg)
	if !api.IsOrgDeactivated(got.Err) || got.Stamp != m.list.Stamp() {
		t.Fatalf("funnel got %v (stamp %v, want %v)", got.Err, got.Stamp, m.list.Stamp())
	}
	if m.list.Err() != "" {
		t.Fatalf("the list shows the funnel's error too: %q", m.list.Err())
	}
}
