package orgs

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/seed"
	"github.com/panel-dev/panel/tui/internal/screentest"
)

// sizes are the switcher's curve: how its costs grow with the organizations
// a user has (the emulator's --orgs). go test -bench 'Switcher|Filter|Render' -benchtime 20x
// runs every size; -bench '/orgs=10000' one.
var sizes = []int{1000, 10_000, 100_000}

// loaded keeps one switcher per size: a walk of 100,000 takes seconds.
var loaded = map[int]*Model{}

// loadedSwitcher is the switcher after its walk over n generated
// organizations (plus the demo's 3) from the emulator, over real HTTP.
func loadedSwitcher(b *testing.B, n int) *Model {
	b.Helper()
	if m, ok := loaded[n]; ok {
		return m
	}
	env := screentest.New(b, emulator.Options{Seed: seed.Generate(n)}, "alice@example.com")
	m := New(env.Ctx)
	d := screentest.Start(b, m)
	// A walk of 100,000 on a loaded machine outlasts the tests' usual wait.
	if err := d.Wait(strconv.Itoa(n)+" organizations", 5*time.Minute, func() bool { _, done := m.Loaded(); return done }); err != nil {
		b.Fatal(err)
	}
	if got, _ := m.Loaded(); got < n {
		b.Fatalf("loaded %d organizations", got)
	}
	m.Shown() // gives the list every row
	loaded[n] = m
	return m
}

func eachSize(b *testing.B, run func(b *testing.B, m *Model)) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("orgs=%d", n), func(b *testing.B) {
			m := loadedSwitcher(b, n)
			m.list.SetFilter("") // what an earlier benchmark typed would narrow every search
			b.ReportAllocs()
			b.ResetTimer()
			run(b, m)
		})
	}
}

// BenchmarkFilterKeystroke is one key typed into (or erased from) the filter:
// the fuzzy match over every organization plus the frame drawn after it.
// cpu-ns/op is its CPU time, which the machine's load stretches less.
func BenchmarkFilterKeystroke(b *testing.B) {
	keys := []tea.KeyMsg{
		{Type: tea.KeyRunes, Runes: []rune{'b'}}, {Type: tea.KeyRunes, Runes: []rune{'4'}},
		{Type: tea.KeyRunes, Runes: []rune{'2'}}, {Type: tea.KeyBackspace}, {Type: tea.KeyBackspace},
		{Type: tea.KeyBackspace},
	}
	eachSize(b, func(b *testing.B, m *Model) {
		start := cpuTime(b)
		for i := range b.N {
			m.Update(keys[i%len(keys)])
			_ = m.View()
		}
		reportCPU(b, start)
	})
}

// BenchmarkRenderFrame is one View of the switcher with no filter.
func BenchmarkRenderFrame(b *testing.B) {
	eachSize(b, func(b *testing.B, m *Model) {
		start := cpuTime(b)
		for range b.N {
			_ = m.View()
		}
		reportCPU(b, start)
	})
}

// BenchmarkScrollFrame is one page-down plus its frame.
func BenchmarkScrollFrame(b *testing.B) {
	down := tea.KeyMsg{Type: tea.KeyPgDown}
	top := tea.KeyMsg{Type: tea.KeyHome}
	eachSize(b, func(b *testing.B, m *Model) {
		for i := range b.N {
			if i%500 == 499 {
				m.Update(top)
			}
			m.Update(down)
			_ = m.View()
		}
	})
}

// BenchmarkFilterFirstKeystroke is the worst keystroke: the first character
// typed into an empty filter, so nothing earlier narrows the search and
// every organization is matched and ranked; then its frame. The backspace
// that empties the filter again is outside the timing (cpu-ns/op: inside,
// the erase is a kept result, almost free).
func BenchmarkFilterFirstKeystroke(b *testing.B) {
	first := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'b'}}
	erase := tea.KeyMsg{Type: tea.KeyBackspace}
	eachSize(b, func(b *testing.B, m *Model) {
		start := cpuTime(b)
		for range b.N {
			m.Update(first)
			_ = m.View()
			b.StopTimer()
			m.Update(erase)
			b.StartTimer()
		}
		reportCPU(b, start)
	})
}

// BenchmarkSwitcherPage is what one page of 100 organizations (summarized
// as the walk does) costs the switcher while it loads 10,000: appended to
// its rows, then given to the list in a frame of its own (the worst case:
// pages usually share frames), with a filter typed or not. allocs/op and
// B/op are per page.
func BenchmarkSwitcherPage(b *testing.B) {
	const pages = 100
	rows := make([][]app.OrganizationSummary, pages)
	for p := range rows {
		rows[p] = make([]app.OrganizationSummary, 100)
		for i := range rows[p] {
			n := p*100 + i
			rows[p][i] = app.Summarize(app.Organization{ID: fmt.Sprintf("6f1c%08d-0000-4000-8000-000000000000", n),
				ExternalID: fmt.Sprintf("org_bench_%05d", n), Name: fmt.Sprintf("bench-%05d", n),
				Status: app.OrganizationActive, DefaultProjectID: fmt.Sprintf("7a2d%08d-0000-4000-8000-000000000000", n)})
		}
	}
	env := screentest.New(b, emulator.Options{}, "alice@example.com")
	for _, filter := range []string{"", "bench-4"} {
		b.Run("filter="+filter, func(b *testing.B) {
			b.ReportAllocs()
			var m *Model
			for i := range b.N {
				if i%pages == 0 {
					b.StopTimer()
					m = New(env.Ctx)
					m.list.SetFilter(filter)
					b.StartTimer()
				}
				m.add(rows[i%pages])
				m.sync()
			}
		})
	}
}
