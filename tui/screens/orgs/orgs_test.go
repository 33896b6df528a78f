package orgs

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/testmain"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/internal/screentest"
)

func TestMain(m *testing.M) { testmain.Run(m, testmain.ASCIIColors()) }

func start(t *testing.T) (*screentest.Env, *screentest.Driver, *Model) {
	env := screentest.New(t, emulator.Options{}, "alice@example.com")
	m := New(env.Ctx)
	d := screentest.Start(t, m)
	d.WaitFor("every organization", func() bool { _, done := m.Loaded(); return done })
	return env, d, m
}

func isSwitch(msg tea.Msg) bool { _, ok := msg.(common.SwitchOrgMsg); return ok }

func TestSwitcherListsEveryOrganizationWithTheCurrentMarked(t *testing.T) {
	_, d, m := start(t)
	if n, _ := m.Loaded(); n != 3 {
		t.Fatalf("alice has 3 organizations, loaded %d", n)
	}
	d.WaitView("● acme", "org_globex", "initech", "deactivated", "current")
}

func TestFilterTakesQAsTextAndEnterSwitches(t *testing.T) {
	_, d, m := start(t)
	d.Type("q")
	if m.Filter() != "q" {
		t.Fatalf("q typed in the filter gave %q", m.Filter())
	}
	for _, msg := range d.Root() {
		if _, quit := msg.(common.QuitMsg); quit {
			t.Fatal("q in the filter quit")
		}
	}
	d.Key(tea.KeyBackspace)
	d.Type("glbx")
	if o, ok := m.Selected(); !ok || o.ExternalID != "org_globex" || m.Shown() != 1 {
		t.Fatalf("glbx selects %v (%d shown)", o.ExternalID, m.Shown())
	}
	d.Key(tea.KeyEnter)
	sw := d.WaitRoot("a switch request", isSwitch).(common.SwitchOrgMsg)
	if sw.Org.ExternalID != "org_globex" || sw.Org.Name != "globex" {
		t.Fatalf("switch to %+v", sw.Org)
	}
}

func TestFilterMatchesExternalIDsAndEscClearsThenGoesBack(t *testing.T) {
	_, d, m := start(t)
	d.Type("org_ini")
	if o, _ := m.Selected(); o.Name != "initech" {
		t.Fatalf("org_ini selects %q", o.Name)
	}
	d.Key(tea.KeyEsc)
	if m.Filter() != "" || m.Shown() != 3 {
		t.Fatalf("esc leaves filter %q, %d shown", m.Filter(), m.Shown())
	}
	d.Key(tea.KeyEsc)
	d.WaitRoot("back", func(msg tea.Msg) bool { _, ok := msg.(common.BackMsg); return ok })
}

func TestCreateChecksNameAsYouTypeThenSwitches(t *testing.T) {
	env, d, m := start(t)
	d.Send(tea.KeyMsg{Type: tea.KeyCtrlN})
	if !m.Capturing() || m.form == nil {
		t.Fatal("ctrl+n opens no form")
	}
	d.Type("Acme")
	d.WaitView("uppercase")
	d.Key(tea.KeyEnter)
	if m.form.Busy() {
		t.Fatal("an invalid name was sent")
	}
	for range 4 {
		d.Key(tea.KeyBackspace)
	}
	d.Type("acme")
	d.WaitView("name is fine")
	d.Type("-labs")
	d.Key(tea.KeyEnter)
	via := d.WaitRoot("a create-and-switch request", func(msg tea.Msg) bool {
		_, ok := msg.(common.SwitchViaMsg)
		return ok
	}).(common.SwitchViaMsg)
	done, switched := env.RunSwitch(t, via)
	if done.Err != nil || switched == nil || switched.Org.Name != "acme-labs" {
		t.Fatalf("create and switch: %v %+v", done.Err, switched)
	}
	d.Send(*switched, done)
	if m.form != nil {
		t.Fatal("the form stays open after the switch")
	}
	d.WaitRoot("back", func(msg tea.Msg) bool { _, ok := msg.(common.BackMsg); return ok })
}

func TestCreateRefusedByTheAPIShowsTheFieldError(t *testing.T) {
	env, d, m := start(t)
	d.Send(tea.KeyMsg{Type: tea.KeyCtrlN})
	d.Type("globex") // valid by B20, but taken: the API says so on the field
	d.WaitView("name is fine")
	d.Key(tea.KeyEnter)
	via := d.WaitRoot("a create request", func(msg tea.Msg) bool {
		_, ok := msg.(common.SwitchViaMsg)
		return ok
	}).(common.SwitchViaMsg)
	done, _ := env.RunSwitch(t, via)
	d.Send(done)
	d.WaitView("✗ globex is already taken")
	if !strings.Contains(m.View(), "name: globex") || m.form.Busy() {
		t.Fatalf("the field error is not next to the input:\n%s", m.View())
	}
}
