package home

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"

	"github.com/panel-dev/panel/internal/termsafe"
	"github.com/panel-dev/panel/tui/components"
)

// View draws the screen.
func (m *Model) View() string {
	t := m.ctx.Theme
	var b strings.Builder
	row := func(label, value string) { b.WriteString(components.Field(t, 13, label, value)) }
	who := termsafe.Line(m.ctx.SessionInfo.Email)
	if u := m.ctx.User; u != nil {
		who = termsafe.Line(u.Email)
		if u.Name != "" {
			who += " (" + termsafe.Line(u.Name) + ")"
		}
	}
	if who == "" {
		who = t.Muted.Render("checking…")
	}
	row("Signed in as", who)
	org := t.Muted.Render("checking…")
	if o := m.ctx.Org; o != nil {
		org = t.Accent.Render(termsafe.Line(o.Name)) + t.Muted.Render(" "+termsafe.Line(o.ExternalID))
		if o.Status != "" && o.Status != "ACTIVE" {
			org += " " + t.Warning.Render(termsafe.Line(string(o.Status)))
		}
	}
	row("Organization", org)
	project := t.Muted.Render("none")
	if p := m.ctx.Project; p != nil {
		project = termsafe.Line(p.Name)
	}
	row("Project", project)
	row("Session", m.sessionLine())
	row("Invitations", m.invitationsLine())
	b.WriteString("\n")
	g := m.ctx.Keys
	var where []key.Binding // every screen's key (home's own aside), then the switch back and help
	for _, s := range g.Screens {
		if s.Route != string(m.Route()) {
			where = append(where, s.Binding)
		}
	}
	for _, k := range append(where, g.PreviousOrg, g.Help) {
		if !k.Enabled() {
			continue
		}
		h := k.Help()
		b.WriteString("  " + t.Key.Render(fmt.Sprintf("%-3s", h.Key)) + " " + h.Desc + "\n")
	}
	return b.String()
}

func (m *Model) sessionLine() string {
	t := m.ctx.Theme
	in := m.ctx.SessionInfo
	if in.ExpiresAt.IsZero() {
		return t.Muted.Render("token refreshed automatically")
	}
	return "token valid until " + in.ExpiresAt.Local().Format(time.TimeOnly) + t.Muted.Render(" (refreshed automatically)")
}

func (m *Model) invitationsLine() string {
	t := m.ctx.Theme
	switch {
	case m.countErr != nil:
		return t.Muted.Render("unknown")
	case m.invited < 0:
		return t.Muted.Render("…")
	case m.invited == 0:
		return "none pending"
	case m.invited == 1:
		return t.Accent.Render("1 pending") + t.Muted.Render(" — press i")
	}
	return t.Accent.Render(fmt.Sprintf("%d pending", m.invited)) + t.Muted.Render(" — press i")
}
