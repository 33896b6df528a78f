package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/common"
)

// probe is a screen of the tests' own: it asks a question when it opens and again after a switch (as a
// list reloads), and records every answer it is given. It has no stamps and checks nothing: whatever
// reaches it, the root let through.
type probe struct {
	route    common.Route
	received int
}

// probeMsg is the answer to a probe's question.
type probeMsg struct{}

func newProbe(r common.Route) *probe { return &probe{route: r} }

func ask() tea.Msg { return probeMsg{} }

func (p *probe) Init() tea.Cmd { return ask }

func (p *probe) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg.(type) {
	case probeMsg:
		p.received++
	case common.OrgSwitchedMsg:
		return p, ask
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
