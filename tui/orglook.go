package tui

import (
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/theme"
)

// The current organization's look on the header: its colour and mark are
// spread over the organizations the user goes back and forth between (the
// recent and pinned ones), so that those differ at a glance.

// orgOrderMsg brings the recent and pinned organizations, read after a switch.
type orgOrderMsg struct{ order app.OrganizationOrder }

// loadOrgOrder reads them off the UI goroutine (a file read).
func loadOrgOrder(a *app.App) tea.Cmd {
	return func() tea.Msg { return orgOrderMsg{order: a.OrganizationOrder()} }
}

// orgLook is what the config file says of an organization, by id or by name.
func (m *Model) orgLook(id, name string) theme.OrgLook {
	if l, ok := m.deps.OrgLooks[id]; ok {
		return l
	}
	return m.deps.OrgLooks[name]
}

// orgBadge is the header's look of the organization id. A palette colour
// given to an organization in the config file is kept for it: the others'
// colours are spread over the rest of the palette.
func (m *Model) orgBadge(id, name string) theme.OrgBadge {
	known := slices.Concat(m.orgOrder.Recent, m.orgOrder.Pinned, []string{id})
	fixed := map[string]int{}
	for k, look := range m.deps.OrgLooks {
		if s := theme.PaletteSlot(look.Colour); s >= 0 {
			fixed[k] = s
		}
	}
	return m.ctx.Theme.OrgBadge(id, theme.OrgSlots(known, fixed), m.orgLook(id, name))
}
