package orgs

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/seed"
	"github.com/panel-dev/panel/tui/internal/screentest"
)

func TestServerSearchFindsOrganizationsNotLoadedYet(t *testing.T) {
	env := screentest.New(t, emulator.Options{Seed: seed.Generate(500)}, "alice@example.com")
	m := New(env.Ctx)
	d := screentest.Start(t, m)
	// Keep the walk at its first page: the rest of the pages are held back.
	d.WaitFor("the first page", func() bool { n, _ := m.Loaded(); return n > 0 })
	d.Hold(func(msg tea.Msg) bool { _, ok := msg.(pageMsg); return ok })
	if n, done := m.Loaded(); done || n >= 500 {
		t.Fatalf("loaded %d (complete %v) after one page", n, done)
	}
	d.Type("bench-00499")
	d.WaitFor("the server's answer", func() bool {
		o, ok := m.Selected()
		return ok && o.ExternalID == "org_bench_00499"
	})
	if !m.searched["bench-00499"] {
		t.Fatal("found without asking the server")
	}
	d.WaitView("bench-00499", "2 of 101 organizations", "more coming")
}
