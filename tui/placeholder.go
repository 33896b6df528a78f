package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/common"
)

// placeholder stands for a screen whose package is not wired in yet.
type placeholder struct {
	ctx   *common.Context
	route common.Route
}

func newPlaceholder(ctx *common.Context, r common.Route) *placeholder {
	return &placeholder{ctx: ctx, route: r}
}

func (p *placeholder) Init() tea.Cmd                           { return nil }
func (p *placeholder) Update(tea.Msg) (common.Screen, tea.Cmd) { return p, nil }
func (p *placeholder) SetSize(int, int)                        {}
func (p *placeholder) Title() string                           { return string(p.route.Name()) }
func (p *placeholder) Route() common.Route                     { return p.route }
func (p *placeholder) Capturing() bool                         { return false }
func (p *placeholder) ShortHelp() []key.Binding                { return nil }
func (p *placeholder) FullHelp() [][]key.Binding               { return nil }
func (p *placeholder) View() string {
	return p.ctx.Theme.Muted.Render("This screen is not available in this build yet.")
}
