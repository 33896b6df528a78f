package projects

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/termsafe"
	"github.com/panel-dev/panel/tui/components"
)

// View draws the title and the list.
func (m *Model) View() string {
	th := m.ctx.Theme
	org := ""
	if m.ctx.Org != nil {
		org = " of " + termsafe.Line(m.ctx.Org.Name)
	}
	return th.Title.Render("Projects"+org) + "\n" + m.list.View()
}

// row draws one project: current marker, name, services, default tag.
func (m *Model) row(p app.Project, selected bool, width int) string {
	th := m.ctx.Theme
	mark := "  "
	if p.ID == m.current {
		mark = th.Current.Render("● ")
	}
	name := components.RowName(th, p.Name, 24, selected)
	services := fmt.Sprintf("%3d services", p.ServiceCount)
	if p.ServiceCount == 1 {
		services = "  1 service "
	}
	line := mark + name + " " + th.Muted.Render(services)
	if m.ctx.Org != nil && p.ID == m.ctx.Org.DefaultProjectID {
		line += "  " + th.Accent.Render("default")
	}
	if p.ID == m.current {
		line += "  " + th.Current.Render("current")
	}
	if p.Description != "" {
		line += "  " + th.Muted.Render(termsafe.Line(p.Description))
	}
	return line
}

// ShortHelp lists the keys that work now; listing them claims them.
func (m *Model) ShortHelp() []key.Binding { return m.list.ShortHelp() }

// FullHelp lists every key of the screen.
func (m *Model) FullHelp() [][]key.Binding { return m.list.FullHelp() }
