// Package palette is the command palette (`:`), as in k9s: a line to type a
// command into, completed with tab from the screen registry (every screen
// with a key, by its route's name) and, for its argument, from the user's
// organizations (`:orgs NAME` switches) or the current project's services
// (`:logs NAME` follows one). `:quit` quits. It opens over the screen in view
// and closes with esc or once its command runs.
package palette

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/common"
)

// Route is the palette's route.
const Route common.Route = "palette"

// maxShown bounds the suggestions drawn under the line.
const maxShown = 8

// Model is the command palette.
type Model struct {
	ctx   *common.Context
	below common.Screen // drawn under the palette; may be nil
	keys  keyMap
	input textinput.Model

	cmds        []command
	names       names
	suggestions []suggestion
	cursor      int
	running     bool   // a command is resolving its argument
	err         string // why the last command did not run

	width, height int
}

// New returns the palette over below.
func New(ctx *common.Context, below common.Screen) *Model {
	ti := textinput.New()
	ti.Prompt = ":"
	ti.Placeholder = "orgs NAME, projects, services, logs NAME, members, quit…"
	ti.CharLimit = 256
	ti.Focus()
	m := &Model{ctx: ctx, below: below, keys: newKeyMap(), input: ti, cmds: commands(ctx.Screens)}
	m.refresh()
	return m
}

// Init loads the names the arguments complete from.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(textinput.Blink, m.loadNames())
}

// SetSize gives the palette its area.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.input.Width = max(w-4, 10)
	if m.below != nil {
		m.below.SetSize(w, h)
	}
}

// Title names the palette in the header.
func (m *Model) Title() string { return "Command" }

// Route is where the palette is (never a `next`: it is an overlay).
func (m *Model) Route() common.Route { return Route }

// Capturing is true: every key is typed into the line.
func (m *Model) Capturing() bool { return true }

// ShortHelp lists the palette's keys.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	return []key.Binding{k.Complete, k.Up, k.Down, k.Run, k.Close}
}

// FullHelp lists every key of the palette.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.Complete, k.Up, k.Down}, {k.Run, k.Close}}
}

// Value is the line as typed (tests).
func (m *Model) Value() string { return m.input.Value() }

// refresh recomputes the suggestions for the line.
func (m *Model) refresh() {
	m.suggestions = suggest(m.input.Value(), m.cmds, m.names)
	m.cursor = min(m.cursor, max(len(m.suggestions)-1, 0))
}
