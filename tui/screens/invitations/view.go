package invitations

import (
	"fmt"
	"strings"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/termsafe"
	"github.com/panel-dev/panel/tui/components"
)

// View draws the title, the tabs, then the email input, a modal or the list.
func (m *Model) View() string {
	th := m.ctx.Theme
	org := ""
	if m.ctx.Org != nil {
		org = " · " + termsafe.Line(m.ctx.Org.Name)
	}
	out := th.Title.Render("Invitations"+org) + "\n" + m.tabs() + "\n"
	switch {
	case m.emails != nil:
		return out + th.Title.Render("Invite to "+termsafe.Line(m.orgName())) + "\n" + m.emails.View()
	case m.ask != nil:
		return out + m.ask.View()
	}
	return out + m.list().View()
}

func (m *Model) tabs() string {
	th := m.ctx.Theme
	sent := th.Tab("Sent", m.tab == Sent)
	received := th.Tab(fmt.Sprintf("Received (%d)", len(m.received.Items())), m.tab != Sent)
	line := sent + " " + received + th.Muted.Render("  tab flips")
	if m.tab == Sent {
		line += th.Muted.Render("  ·  status: ") + th.Accent.Render(filterName(m.filter)) + th.Muted.Render(" (s)")
	}
	return line
}

func filterName(i int) string {
	f := statusFilters[i]
	if f == nil {
		return "all"
	}
	return strings.ToLower(string(f[0]))
}

func (m *Model) orgName() string {
	if m.ctx.Org != nil {
		return m.ctx.Org.Name
	}
	return "the organization"
}

func (m *Model) sentRow(i app.Invitation, selected bool, width int) string {
	th := m.ctx.Theme
	email := components.RowName(th, i.Email, 30, selected)
	line := "  " + email + " " + statusText(m, i.Status)
	if !i.ExpiresAt.IsZero() && i.Status == app.InvitationPending {
		line += th.Muted.Render("  expires " + i.ExpiresAt.Format("2006-01-02"))
	}
	if who := inviter(i); who != "" {
		line += th.Muted.Render("  by " + termsafe.Line(who))
	}
	return line
}

func (m *Model) receivedRow(i app.Invitation, selected bool, width int) string {
	th := m.ctx.Theme
	name := components.RowName(th, orgName(i), 24, selected)
	line := "  " + name + " " + statusText(m, i.Status)
	if who := inviter(i); who != "" {
		line += th.Muted.Render("  from " + termsafe.Line(who))
	}
	return line
}

func statusText(m *Model, s app.InvitationStatus) string {
	th := m.ctx.Theme
	text := termsafe.Pad(strings.ToLower(string(s)), 8)
	switch s {
	case app.InvitationPending:
		return th.Accent.Render(text)
	case app.InvitationAccepted:
		return th.Success.Render(text)
	}
	return th.Muted.Render(text)
}
