package teadriver

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// chain is a model whose "go" starts two requests in a batch; each answer starts one more request, held
// on a gate the test opens; "tick" starts a command that never returns while the test runs.
type chain struct {
	gate    chan struct{}
	answers int
}

type answer struct{ second bool }

func (c *chain) Init() tea.Cmd { return nil }
func (c *chain) View() string  { return "" }
func (c *chain) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case string:
		switch msg {
		case "go":
			return c, tea.Batch(c.request(false), c.request(false))
		case "tick":
			return c, func() tea.Msg { select {} }
		}
	case answer:
		c.answers++
		if !msg.second {
			return c, c.request(true)
		}
	}
	return c, nil
}

func (c *chain) request(second bool) tea.Cmd {
	return func() tea.Msg {
		if second {
			<-c.gate
		}
		return answer{second: second}
	}
}

func TestAFlightIsDoneWhenAllTheWorkItCausedIs(t *testing.T) {
	done := make(chan struct{})
	defer close(done)
	m := &chain{gate: make(chan struct{})}
	d := New(done, m)
	d.T = t

	if f := d.Track("nothing"); !f.Done() {
		t.Fatal("a message whose Update returned no command is not done")
	}
	f := d.Track("go")
	if f.Done() {
		t.Fatal("done before its requests answered")
	}
	d.WaitFor("the first answers", func() bool { return m.answers == 2 })
	if f.Done() {
		t.Fatal("done while the requests its answers started are still out")
	}
	close(m.gate)
	d.WaitFor("the flight to end", f.Done)
	if m.answers != 4 {
		t.Fatalf("%d answers delivered when the flight ended, want 4", m.answers)
	}

	ticking := d.Track("tick")
	d.Send("go") // untracked work does not join a flight
	d.WaitFor("the untracked answers", func() bool { return m.answers == 8 })
	if ticking.Done() {
		t.Fatal("a command still running counts as done")
	}
}

func TestHeldMessagesKeepTheirFlightOpenUntilTaken(t *testing.T) {
	done := make(chan struct{})
	defer close(done)
	m := &chain{gate: make(chan struct{})}
	close(m.gate)
	d := New(done, m)
	d.T = t
	d.Hold(func(msg tea.Msg) bool { a, ok := msg.(answer); return ok && a.second })
	f := d.Track("go")
	d.WaitFor("both second answers held", func() bool { return len(d.Peek()) == 2 })
	if f.Done() {
		t.Fatal("done with answers held back")
	}
	d.Send(d.Held()...)
	if !f.Done() {
		t.Fatal("not done once the held answers were taken")
	}
}
