package orgs

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/store"
	"github.com/panel-dev/panel/tui/internal/screentest"
)

func names[T api.Organization | app.OrganizationSummary](orgs []T) string {
	var out []string
	for _, o := range orgs {
		switch o := any(o).(type) {
		case api.Organization:
			out = append(out, o.Name)
		case app.OrganizationSummary:
			out = append(out, o.Name)
		}
	}
	return strings.Join(out, ",")
}

func TestArrangePutsPinnedThenRecentFirst(t *testing.T) {
	all := []api.Organization{{ID: "1", ExternalID: "org_a", Name: "a"}, {ID: "2", ExternalID: "org_b", Name: "b"},
		{ID: "3", ExternalID: "org_c", Name: "c"}, {ID: "4", ExternalID: "org_d", Name: "d"}}
	got := names(app.OrganizationOrder{Pinned: []string{"org_c"}, Recent: []string{"org_d", "org_c", "org_b"}}.Arrange(all))
	if got != "c,d,b,a" {
		t.Fatalf("order %s, want c,d,b,a", got)
	}
}

func TestPinnedAndRecentComeFromTheStoreAndCtrlTPins(t *testing.T) {
	env := screentest.New(t, emulator.Options{}, "alice@example.com")
	err := env.App.Store.Update(func(s *store.State) {
		s.RecordSwitch("", "org_initech")
		s.RecordSwitch("org_initech", "org_globex")
	})
	if err != nil {
		t.Fatal(err)
	}
	m := New(env.Ctx)
	d := screentest.Start(t, m)
	d.WaitFor("recent first", func() bool {
		_, done := m.Loaded()
		return done && names(m.rows()) == "globex,initech,acme"
	})
	d.Type("acme")
	d.Send(tea.KeyMsg{Type: tea.KeyCtrlT})
	d.WaitFor("acme pinned first", func() bool { return names(m.rows()) == "acme,globex,initech" })
	if st, _ := env.App.Store.Load(); !st.IsPinned("org_acme") {
		t.Fatal("the pin is not stored")
	}
	d.WaitView("● acme") // current wins over the pin marker
}
