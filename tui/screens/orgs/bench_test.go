package orgs

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/seed"
	"github.com/panel-dev/panel/tui/internal/screentest"
)

// loadedSwitcher is the switcher after its walk over 10,000 generated
// organizations (plus the demo's) from the emulator, over real HTTP.
func loadedSwitcher(b *testing.B) (*screentest.Driver, *Model) {
	b.Helper()
	env := screentest.New(b, emulator.Options{Seed: seed.Generate(10_000)}, "alice@example.com")
	m := New(env.Ctx)
	d := screentest.Start(b, m)
	d.WaitFor("10,000 organizations", func() bool { _, done := m.Loaded(); return done })
	if n, _ := m.Loaded(); n < 10_000 {
		b.Fatalf("loaded %d organizations", n)
	}
	return d, m
}

// BenchmarkFilterKeystroke is one key typed into (or erased from) the filter
// with 10,000 organizations: the fuzzy match over all of them plus the frame
// drawn after it.
func BenchmarkFilterKeystroke(b *testing.B) {
	_, m := loadedSwitcher(b)
	keys := []tea.KeyMsg{
		{Type: tea.KeyRunes, Runes: []rune{'b'}}, {Type: tea.KeyRunes, Runes: []rune{'4'}},
		{Type: tea.KeyRunes, Runes: []rune{'2'}}, {Type: tea.KeyBackspace}, {Type: tea.KeyBackspace},
		{Type: tea.KeyBackspace},
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		m.Update(keys[i%len(keys)])
		_ = m.View()
	}
}

// BenchmarkRenderFrame is one View of the switcher with 10,000 organizations
// loaded and no filter.
func BenchmarkRenderFrame(b *testing.B) {
	_, m := loadedSwitcher(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		_ = m.View()
	}
}

// BenchmarkScrollFrame is one page-down plus its frame.
func BenchmarkScrollFrame(b *testing.B) {
	_, m := loadedSwitcher(b)
	down := tea.KeyMsg{Type: tea.KeyPgDown}
	top := tea.KeyMsg{Type: tea.KeyHome}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if i%500 == 499 {
			m.Update(top)
		}
		m.Update(down)
		_ = m.View()
	}
}

// BenchmarkFilterFirstKeystroke is the worst keystroke: the first character
// typed into an empty filter, so nothing earlier narrows the search and all
// 10,000 organizations match and are ranked; then its frame. The backspace
// that empties the filter again is outside the timing.
func BenchmarkFilterFirstKeystroke(b *testing.B) {
	_, m := loadedSwitcher(b)
	first := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'b'}}
	erase := tea.KeyMsg{Type: tea.KeyBackspace}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		m.Update(first)
		_ = m.View()
		b.StopTimer()
		m.Update(erase)
		b.StartTimer()
	}
}
