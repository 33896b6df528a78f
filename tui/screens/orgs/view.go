package orgs

import (
	"slices"
	"strings"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/termsafe"
	"github.com/panel-dev/panel/tui/components"
)

// View draws the title, then the create form or the list.
func (m *Model) View() string {
	th := m.ctx.Theme
	title := th.Title.Render("Organizations") + th.Muted.Render("  type to filter · enter switches · ctrl+n new")
	if m.form != nil {
		return title + "\n" + m.form.View()
	}
	return title + "\n" + m.list.View()
}

// row draws one organization: current and pinned markers, name, id, and
// the status when it is not ACTIVE.
func (m *Model) row(o app.OrganizationSummary, selected bool) string {
	th := m.ctx.Theme
	mark := "  "
	switch {
	case o.ExternalID == m.ctx.OrgExternalID():
		mark = th.Current.Render("● ")
	case slices.Contains(m.order.Pinned, o.ExternalID):
		mark = th.Accent.Render("★ ")
	}
	name := components.RowName(th, o.Name, 28, selected)
	line := mark + name + " " + th.Muted.Render(termsafe.Line(o.ExternalID))
	if o.Status != app.OrganizationActive {
		line += "  " + th.Warning.Render(termsafe.Line(strings.ToLower(string(o.Status))))
	}
	if o.ExternalID == m.ctx.OrgExternalID() {
		line += "  " + th.Current.Render("current")
	}
	return line
}
