package projects

import (
	"errors"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/testmain"
	"github.com/panel-dev/panel/store"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/internal/screentest"
)

func TestMain(m *testing.M) { testmain.Run(m, testmain.ASCIIColors()) }

func chosen(msg tea.Msg) bool { _, ok := msg.(common.ProjectChosenMsg); return ok }

func TestEnterMakesAProjectCurrent(t *testing.T) {
	env := screentest.New(t, emulator.Options{}, "alice@example.com")
	m := New(env.Ctx)
	d := screentest.Start(t, m)
	d.WaitView("default", "web", "data", "services")
	def := env.Ctx.Org.DefaultProjectID
	if m.Current() != def {
		t.Fatalf("current %q, want the default %q", m.Current(), def)
	}
	d.Type("/web")
	d.Key(tea.KeyEnter) // apply the filter
	d.Key(tea.KeyEnter) // make current
	got := d.WaitRoot("project chosen", func(msg tea.Msg) bool {
		c, ok := msg.(common.ProjectChosenMsg)
		return ok && c.Project.Name == "web"
	}).(common.ProjectChosenMsg)
	if stored := env.App.Store.CurrentProject("org_acme"); stored != got.Project.ID {
		t.Fatalf("store holds %q, want %q", stored, got.Project.ID)
	}
	d.WaitView("● web")
}

func TestStaleStoredProjectIsReplacedByTheDefault(t *testing.T) {
	env := screentest.New(t, emulator.Options{}, "alice@example.com")
	// Alice's stored project for acme is one of globex's: it must not stick.
	globex := env.Switch(t, "org_globex")
	foreign := globex.Org.DefaultProjectID
	env.Switch(t, "org_acme")
	if err := env.App.Store.Update(func(s *store.State) { s.SetCurrentProject("org_acme", foreign) }); err != nil {
		t.Fatal(err)
	}
	env.Ctx.Project = &api.Project{ID: foreign} // what the header showed from the store
	m := New(env.Ctx)
	d := screentest.Start(t, m)
	msg := d.WaitRoot("the default chosen", chosen).(common.ProjectChosenMsg)
	if msg.Project.ID != env.Ctx.Org.DefaultProjectID || m.Current() != msg.Project.ID {
		t.Fatalf("chosen %q, current %q, default %q", msg.Project.ID, m.Current(), env.Ctx.Org.DefaultProjectID)
	}
	if stored := env.App.Store.CurrentProject("org_acme"); stored != msg.Project.ID {
		t.Fatalf("store still holds %q", stored)
	}
}

func TestLateProjectsOfTheOldOrganizationAreIgnored(t *testing.T) {
	env := screentest.New(t, emulator.Options{}, "alice@example.com")
	m := New(env.Ctx)
	d := screentest.Start(t, m)
	d.Hold(func(msg tea.Msg) bool { _, ok := msg.(common.Result[*app.ProjectList]); return ok })
	d.WaitFor("acme's projects, held back", func() bool { return len(d.Peek()) == 1 })
	late := d.Held()
	d.Send(env.Switch(t, "org_globex"))
	d.WaitFor("globex's projects", func() bool { return m.list.Shown() > 0 && !m.list.Loading() })
	d.Send(late...)
	for _, p := range m.list.Items() {
		if p.OrganizationID != env.Ctx.Org.ID {
			t.Fatalf("project %s of another organization is shown under %s", p.Name, env.Ctx.Org.Name)
		}
	}
}

func TestRevokedSessionGoesToTheFunnel(t *testing.T) {
	env := screentest.New(t, emulator.Options{}, "alice@example.com")
	user, _ := env.Srv.State().UserByEmail("alice@example.com")
	env.Srv.State().RevokeUserSessions(user.ID)
	env.App.API.Cache().InvalidateAll() // as once the cached check is no longer fresh
	m := New(env.Ctx)
	d := screentest.Start(t, m)
	got := d.WaitRoot("the error funnel", func(msg tea.Msg) bool { _, ok := msg.(common.ErrorMsg); return ok }).(common.ErrorMsg)
	if !api.IsSessionRevoked(got.Err) && !errors.Is(got.Err, auth.ErrSessionRevoked) {
		t.Fatalf("funnel got %v", got.Err)
	}
}
