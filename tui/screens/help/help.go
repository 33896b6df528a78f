// Package help is the `?` screen: every key of the screen it was opened over
// and every global key, grouped, as bubbles/help draws them.
package help

import (
	bhelp "github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/panel-dev/panel/tui/common"
)

// Model is the help screen.
type Model struct {
	ctx           *common.Context
	below         common.Screen // the screen whose keys are shown; may be nil
	close         key.Binding
	width, height int
}

// New returns the help screen for the keys of below (nil: globals only).
func New(ctx *common.Context, below common.Screen) *Model {
	return &Model{
		ctx:   ctx,
		below: below,
		close: key.NewBinding(key.WithKeys("?", "esc"), key.WithHelp("?/esc", "close")),
	}
}

// Init has nothing to load.
func (m *Model) Init() tea.Cmd { return nil }

// Update handles a key or a result for this screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, m.close) {
		return m, common.Back()
	}
	return m, nil
}

// SetSize gives the screen its area.
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

// Title names the screen in the header.
func (m *Model) Title() string { return "Keys" }

// Route is where this screen is, for `next`.
func (m *Model) Route() common.Route { return common.RouteHelp }

// Capturing is false: no input here takes keys as text.
func (m *Model) Capturing() bool { return false }

// ShortHelp lists the keys that work now; listing them claims them.
func (m *Model) ShortHelp() []key.Binding { return []key.Binding{m.close} }

// FullHelp lists every key of the screen, in columns.
func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{{m.close}} }

// View draws the screen.
func (m *Model) View() string {
	t := m.ctx.Theme
	h := bhelp.New()
	h.Styles = t.Help
	h.ShowAll = true
	h.Width = m.width
	var blocks []string
	if m.below != nil {
		groups := m.below.FullHelp()
		if len(groups) > 0 {
			blocks = append(blocks, t.Title.Render(m.below.Title()), h.FullHelpView(groups), "")
		}
	}
	blocks = append(blocks, t.Title.Render("Everywhere"), h.FullHelpView(m.ctx.Keys.FullHelp()))
	return lipgloss.JoinVertical(lipgloss.Left, blocks...)
}
