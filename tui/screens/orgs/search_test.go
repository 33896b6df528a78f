package orgs

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/seed"
	"github.com/panel-dev/panel/tui/internal/screentest"
)

func TestServerSearchFindsOrganizationsNotLoadedYet(t *testing.T) {
	env := screentest.New(t, emulator.Options{Seed: seed.Generate(5000)}, "alice@example.com")
	m := New(env.Ctx)
	d := screentest.Start(t, m)
	// Keep the walk at its first pages: the rest are held back (a walk reads
	// at most two windows ahead of the screen).
	d.WaitFor("the first pages", func() bool { n, _ := m.Loaded(); return n > 0 })
	d.Hold(func(msg tea.Msg) bool { _, ok := msg.(pagesMsg); return ok })
	if n, done := m.Loaded(); done || n >= 5000 {
		t.Fatalf("loaded %d (complete %v) after the first pages", n, done)
	}
	d.Type("bench-04999")
	d.WaitFor("the server's answer", func() bool {
		o, ok := m.Selected()
		return ok && o.ExternalID == "org_bench_04999"
	})
	if !m.searched["bench-04999"] {
		t.Fatal("found without asking the server")
	}
	d.WaitView("bench-04999", "more coming")
}
