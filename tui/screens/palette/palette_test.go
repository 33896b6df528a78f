package palette

import (
	"reflect"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/testmain"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/internal/screentest"
	"github.com/panel-dev/panel/tui/screens/logs"
	"github.com/panel-dev/panel/tui/screens/orgs"
	"github.com/panel-dev/panel/tui/screens/projects"
)

func TestMain(m *testing.M) { testmain.Run(m, testmain.ASCIIColors()) }

// registry is a table like the root's: screens with keys, one without, an
// overlay, and the palette itself.
func registry() *common.Registry {
	none := func(*common.Context, common.Opening) common.Screen { return nil }
	return common.NewRegistry(
		common.ScreenSpec{Route: common.RouteHome, Key: "h", Help: "home", New: none},
		common.ScreenSpec{Route: orgs.Route, Key: "o", Help: "organizations", New: none},
		common.ScreenSpec{Route: projects.Route, Key: "p", Help: "projects", New: none},
		common.ScreenSpec{Route: logs.Route, Key: "l", Help: "logs", New: none},
		common.ScreenSpec{Route: common.RouteOnboarding, Help: "join or create", New: none},
		common.ScreenSpec{Route: common.RouteHelp, Help: "every key", Overlay: true, New: none},
		common.ScreenSpec{Route: Route, Key: ":", Help: "command palette", Overlay: true, New: none},
	)
}

func lines(s []suggestion) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = x.Line
	}
	return out
}

func TestSuggestionsComeFromTheRegistryAndTheNames(t *testing.T) {
	cmds := commands(registry())
	n := names{Organizations: []string{"acme", "globex", "initech"}, Services: []string{"payments/web", "worker"}}
	for _, c := range []struct {
		line string
		want []string
	}{
		{"", []string{"home", "orgs", "projects", "logs", "quit"}},
		{":pro", []string{"projects"}},
		{"o", []string{"orgs", "home", "projects", "logs"}}, // begins with, then contains
		{"orgs ", []string{"orgs acme", "orgs globex", "orgs initech"}},
		{"orgs GL", []string{"orgs globex"}},
		{"or e", []string{"orgs acme", "orgs globex", "orgs initech"}}, // a unique prefix names the command
		{"logs w", []string{"logs worker", "logs payments/web"}},
		{"projects x", nil},
		{"nope", nil},
	} {
		if got := lines(suggest(c.line, cmds, n)); !reflect.DeepEqual(got, c.want) && len(got)+len(c.want) > 0 {
			t.Errorf("suggest(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}

func start(t *testing.T) (*screentest.Env, *Model, *screentest.Driver) {
	t.Helper()
	env := screentest.New(t, emulator.Options{}, "alice@example.com")
	env.Ctx.Screens = registry()
	m := New(env.Ctx, nil)
	d := screentest.Start(t, m)
	// The names load in the background and store what they read: done before the test goes on.
	d.WaitFor("the names to complete with", func() bool {
		return len(m.names.Organizations) >= 3 && len(m.names.Services) > 0
	})
	return env, m, d
}

// :orgs glob, tab, enter: the palette closes and the root switches to globex
// through its one switch path.
func TestOrgsNameSwitches(t *testing.T) {
	env, m, d := start(t)
	d.Type("orgs glob")
	d.WaitView("› orgs globex")
	d.Key(tea.KeyTab)
	if m.Value() != "orgs globex" {
		t.Fatalf("tab completed to %q", m.Value())
	}
	d.Key(tea.KeyEnter)
	via := d.WaitRoot("the switch", func(msg tea.Msg) bool { _, ok := msg.(common.SwitchViaMsg); return ok }).(common.SwitchViaMsg)
	if _, ok := d.Root()[0].(common.BackMsg); !ok {
		t.Fatalf("the palette did not close first: %#v", d.Root())
	}
	done, switched := env.RunSwitch(t, via)
	if done.Err != nil || switched == nil || switched.Org.Name != "globex" {
		t.Fatalf("switch: %+v %+v", done, switched)
	}
}

func TestUnknownOrganizationIsSaidInPlace(t *testing.T) {
	_, m, d := start(t)
	d.Type("orgs no-such-org")
	d.Key(tea.KeyEnter)
	d.WaitFor("the answer", func() bool { return !m.running && m.err != "" })
	d.WaitView(m.err)
	for _, msg := range d.Root() {
		if _, ok := msg.(common.SwitchViaMsg); ok {
			t.Fatal("switched to an unknown organization")
		}
	}
}

// A command typed in part runs the suggestion marked: over home alone, as
// the screen's key would.
func TestAScreenOpensFresh(t *testing.T) {
	_, _, d := start(t)
	d.Type("proj")
	d.Key(tea.KeyEnter)
	d.WaitRoot("projects", func(msg tea.Msg) bool {
		o, ok := msg.(common.OpenMsg)
		return ok && o.Route == projects.Route && o.Reset
	})
}

func TestUnknownCommandAndClose(t *testing.T) {
	_, _, d := start(t)
	d.Type("nope")
	d.Key(tea.KeyEnter)
	d.WaitView(`No command "nope"`)
	d.Key(tea.KeyEsc)
	d.WaitRoot("closed", func(msg tea.Msg) bool { _, ok := msg.(common.BackMsg); return ok })
}

func TestQuit(t *testing.T) {
	_, _, d := start(t)
	d.Type("quit")
	d.Key(tea.KeyEnter)
	d.WaitRoot("quit", func(msg tea.Msg) bool { _, ok := msg.(common.QuitMsg); return ok })
}

// :logs wor, tab, enter: the log tail of the service, by id.
func TestLogsNameFollowsTheService(t *testing.T) {
	_, m, d := start(t)
	d.Type("logs wor")
	d.Key(tea.KeyTab)
	d.Key(tea.KeyEnter)
	open := d.WaitRoot("the log tail", func(msg tea.Msg) bool {
		o, ok := msg.(common.OpenMsg)
		return ok && o.Route.Name() == logs.Route
	}).(common.OpenMsg)
	if open.Route.Arg() == "" || !strings.HasPrefix(m.Value(), "logs worker") {
		t.Fatalf("opened %q from %q", open.Route, m.Value())
	}
}
