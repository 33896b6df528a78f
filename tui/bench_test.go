package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/emulator"
)

// BenchmarkFirstFrame is the work between process start and the first
// drawn frame: build the app for the profile, the root model with the last
// known user/org/project from the local store, size it and draw it. No
// network call is on this path.
func BenchmarkFirstFrame(b *testing.B) {
	e := newEnv(b, emulator.Options{})
	d := startModel(b, e.deps())
	d.signIn()
	d.WaitView("project default")
	ctx := b.Context()
	b.ReportAllocs()
	for b.Loop() {
		m := New(ctx, e.deps())
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		if v := m.View(); !strings.Contains(v, "org acme") {
			b.Fatalf("first frame without the organization:\n%s", v)
		}
	}
}
