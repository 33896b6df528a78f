package services

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/termsafe"
)

// View draws the title, the list and the selected service's instances.
func (m *Model) View() string {
	th := m.ctx.Theme
	title := "Services"
	if m.project != nil && m.project.Project != nil {
		title += " of project " + termsafe.Line(m.project.Project.Name)
	}
	return th.Title.Render(title) + "\n" + m.list.View() + "\n" + m.instancesView()
}

// row draws one service: status mark, name, app, type, status.
func (m *Model) row(s app.Service, selected bool, _ int) string {
	th := m.ctx.Theme
	st := m.statusStyle(string(s.Status))
	name := th.Text.Render(termsafe.Cell(s.Name, 24))
	if selected {
		name = th.Selected.Render(termsafe.Cell(s.Name, 24))
	}
	appName := ""
	if m.project != nil {
		appName = m.project.AppName(s)
	}
	return st.Render("● ") + name + " " + th.Muted.Render(termsafe.Cell(appName, 20)) + " " +
		th.Muted.Render(termsafe.Cell(strings.ToLower(string(s.Type)), 9)) + " " + st.Render(string(s.Status))
}

// statusStyle colours a service's or an instance's status by how healthy it is.
func (m *Model) statusStyle(status string) lipgloss.Style {
	th := m.ctx.Theme
	switch status {
	case "HEALTHY":
		return th.Success
	case "DEGRADED", "STARTING", "RESUMING", "PAUSING", "ALLOCATING", "STOPPING":
		return th.Warning
	case "UNHEALTHY", "ERROR", "DELETING", "DELETED":
		return th.Error
	}
	return th.Muted
}

// instancesView is the instances of the selected service, instanceRows lines.
func (m *Model) instancesView() string {
	th := m.ctx.Theme
	s, ok := m.list.Selected()
	if !ok {
		return ""
	}
	lines := []string{th.Muted.Render(termsafe.Truncate("Instances of "+m.label(s), max(m.width-26, 10)) +
		" — enter follows its logs")}
	switch {
	case m.instErr != "":
		lines = append(lines, th.Error.Render(termsafe.Line(m.instErr)))
	case m.instances == nil:
		lines = append(lines, th.Muted.Render("…"))
	case len(m.instances) == 0:
		lines = append(lines, th.Muted.Render("none running"))
	}
	for i, in := range m.instances {
		if i == instanceRows-2 && len(m.instances) > instanceRows-1 {
			lines = append(lines, th.Muted.Render(fmt.Sprintf("and %d more", len(m.instances)-i)))
			break
		}
		st := m.statusStyle(string(in.Status))
		lines = append(lines, "  "+st.Render("● ")+th.Text.Render(termsafe.Pad(in.Region+" "+in.Datacenter, 14))+" "+
			st.Render(termsafe.Pad(string(in.Status), 10))+" "+th.Muted.Render(termsafe.Truncate(in.ID, max(m.width-30, 8))))
	}
	return strings.Join(lines, "\n")
}

// ShortHelp lists the keys that work now; listing them claims them.
func (m *Model) ShortHelp() []key.Binding { return m.list.ShortHelp() }

// FullHelp lists every key of the screen.
func (m *Model) FullHelp() [][]key.Binding { return m.list.FullHelp() }
