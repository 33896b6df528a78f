package teadriver

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestRunFlattensBatchesAndSequencesAndSkipsNil(t *testing.T) {
	out := make(chan envelope, 8)
	done := make(chan struct{})
	defer close(done)
	r := runner{out: out, done: done}
	r.run(tea.Batch(func() tea.Msg { return 1 }, func() tea.Msg { return nil }, func() tea.Msg { return 2 }), nil)
	got := map[tea.Msg]bool{(<-out).msg: true, (<-out).msg: true}
	if !got[1] || !got[2] {
		t.Fatalf("messages %v, want 1 and 2", got)
	}
	r.run(tea.Sequence(func() tea.Msg { return 3 }, nil, func() tea.Msg { return 4 }), nil)
	if a, b := (<-out).msg, (<-out).msg; a != 3 || b != 4 {
		t.Fatalf("sequence delivered %v then %v, want 3 then 4", a, b)
	}
	r.run(nil, nil) // no panic, nothing sent
}
