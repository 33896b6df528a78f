package services

import (
	"errors"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/testmain"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/internal/screentest"
	"github.com/panel-dev/panel/tui/screens/logs"
)

func TestMain(m *testing.M) { testmain.Run(m, testmain.ASCIIColors()) }

func TestServicesOfTheCurrentProjectAndTheirInstances(t *testing.T) {
	env := screentest.New(t, emulator.Options{}, "alice@example.com")
	m := New(env.Ctx)
	d := screentest.Start(t, m)
	d.WaitView("Services of project default", "storefront", "payments", "worker", "DEGRADED", "3 services")
	d.WaitView("Instances of storefront/web", "fra fra1", "was was1")

	d.Key(tea.KeyDown)
	d.Key(tea.KeyDown) // payments/web: one instance healthy, one not
	d.WaitView("Instances of payments/web", "sin sin1", "UNHEALTHY")
	for _, in := range m.Instances() {
		if in.ServiceID == "" || in.Region == "" {
			t.Fatalf("instance %+v", in)
		}
	}

	d.Key(tea.KeyEnter)
	want := logs.Route.With(m.shownFor)
	d.WaitRoot("the service's logs", func(msg tea.Msg) bool {
		o, ok := msg.(common.OpenMsg)
		return ok && o.Route == want
	})
}

func TestFilterFindsAServiceByAppAndName(t *testing.T) {
	env := screentest.New(t, emulator.Options{}, "alice@example.com")
	m := New(env.Ctx)
	d := screentest.Start(t, m)
	d.WaitView("3 services")
	d.Type("/payments/web")
	d.Key(tea.KeyEnter)
	if m.Shown() != 1 {
		t.Fatalf("%d services pass the filter payments/web, want 1", m.Shown())
	}
	d.WaitView("Instances of payments/web")
}

func TestAnotherOrganizationOrProjectReloads(t *testing.T) {
	env := screentest.New(t, emulator.Options{}, "alice@example.com")
	m := New(env.Ctx)
	d := screentest.Start(t, m)
	d.WaitView("storefront")
	d.Send(env.Switch(t, "org_globex"))
	d.WaitView("hello", "Instances of hello/web")
	for _, s := range m.list.Items() {
		if s.OrganizationID != env.Ctx.Org.ID {
			t.Fatalf("service %s of another organization shown under %s", s.Name, env.Ctx.Org.Name)
		}
	}
	list, err := env.App.Projects(env.Ctx.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range list.Projects {
		if p.Name == "api" { // made current on the projects screen, which the root then tells every screen
			if err := env.App.UseProject("org_globex", &list.Projects[i]); err != nil {
				t.Fatal(err)
			}
			d.Send(common.IdentityMsg{User: env.Ctx.User, Org: env.Ctx.Org, Project: &list.Projects[i]})
		}
	}
	d.WaitView("gateway", "public-api", "5 services")
}

func TestRevokedSessionGoesToTheFunnel(t *testing.T) {
	env := screentest.New(t, emulator.Options{}, "alice@example.com")
	user, _ := env.Srv.State().UserByEmail("alice@example.com")
	env.Srv.State().RevokeUserSessions(user.ID)
	env.App.API.Cache().InvalidateAll()
	m := New(env.Ctx)
	d := screentest.Start(t, m)
	got := d.WaitRoot("the error funnel", func(msg tea.Msg) bool { _, ok := msg.(common.ErrorMsg); return ok }).(common.ErrorMsg)
	if !errors.Is(got.Err, auth.ErrSessionRevoked) && !api.IsSessionRevoked(got.Err) {
		t.Fatalf("funnel got %v", got.Err)
	}
}
