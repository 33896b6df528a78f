package teacmd

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestRunFlattensBatchesAndSkipsNil(t *testing.T) {
	out := make(chan tea.Msg, 4)
	done := make(chan struct{})
	defer close(done)
	r := Runner{Out: out, Done: done}
	r.Run(tea.Batch(func() tea.Msg { return 1 }, func() tea.Msg { return nil }, func() tea.Msg { return 2 }))
	got := map[tea.Msg]bool{<-out: true, <-out: true}
	if !got[1] || !got[2] {
		t.Fatalf("messages %v, want 1 and 2", got)
	}
	r.Run(nil) // no panic, nothing sent
}
