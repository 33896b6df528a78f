package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/common"
)

// probe is a screen of the tests' own: it asks for one answer when it opens and records every probeMsg
// it is given. It never looks at a stamp: whatever reaches it, the root let through.
type probe struct {
	route    common.Route
	asked    chan struct{} // closed by Init's command when it runs
	answer   chan probeMsg // what Init's command returns, when the test sends it
	received []probeMsg
}

type probeMsg struct{}

func newProbe(r common.Route) *probe {
	return &probe{route: r, asked: make(chan struct{}), answer: make(chan probeMsg, 1)}
}

func (p *probe) Init() tea.Cmd {
	return func() tea.Msg {
		close(p.asked)
		return <-p.answer
	}
}

func (p *probe) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if m, ok := msg.(probeMsg); ok {
		p.received = append(p.received, m)
	}
	return p, nil
}

func (p *probe) View() string              { return "the probe" }
func (p *probe) SetSize(int, int)          {}
func (p *probe) Title() string             { return "Probe" }
func (p *probe) Route() common.Route       { return p.route }
func (p *probe) Capturing() bool           { return false }
func (p *probe) ShortHelp() []key.Binding  { return nil }
func (p *probe) FullHelp() [][]key.Binding { return nil }
