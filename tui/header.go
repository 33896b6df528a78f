package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/panel-dev/panel/internal/termsafe"
)

// The header bar: the organization first in importance, with its mark,
// colour, label and state; then the project, the screen, the user and the
// product's name, dropped in the reverse order when the bar is too narrow.
// The organization's name is cut last, with an ellipsis, and its state
// marker ([DEACTIVATED]) and an unasked change's "(was …)" are never cut.

// headerPart is one part of the bar and when it goes when space runs out
// (lower first).
type headerPart struct {
	text string
	drop int
}

// headerView draws the top bar; its values are names from the server and
// the config file, each sanitized here (B24), whoever set them.
func (m *Model) headerView() string {
	t := m.ctx.Theme
	width := max(m.width-2, 1) // the bar's padding
	value := func(s string) string { return t.HeaderValue.Render(termsafe.Line(s)) }
	var parts []headerPart
	add := func(drop int, label, v string) {
		if v != "" {
			parts = append(parts, headerPart{t.HeaderLabel.Render(label) + value(v), drop})
		}
	}
	parts = append(parts, headerPart{t.HeaderValue.Render("panel"), 0})
	add(1, "user ", m.header.User)
	if m.header.Org != "" {
		parts = append(parts, headerPart{m.orgPart(-1), 99})
	}
	add(3, "project ", m.header.Project)
	if top := m.top(); top != nil && top.Title() != "" {
		add(2, "· ", top.Title())
	}
	sep := t.HeaderLabel.Render("  ")
	for drop := 0; lipgloss.Width(joinParts(parts, sep)) > width && drop < 4; drop++ {
		parts = withoutDrop(parts, drop)
	}
	if m.header.Org != "" && lipgloss.Width(joinParts(parts, sep)) > width {
		// Everything else is gone: the organization alone, its name cut.
		parts = []headerPart{{m.orgPart(width), 99}}
	}
	return t.Header.Width(max(m.width, 1)).MaxHeight(1).Render(joinParts(parts, sep))
}

// orgPart is the organization: mark, name (cut to fit in room columns with
// an ellipsis when room ≥ 0), label, state marker.
func (m *Model) orgPart(room int) string {
	t := m.ctx.Theme
	badge := m.orgBadge(m.header.OrgID, m.header.Org)
	lead := t.HeaderLabel.Render(badge.Mark + " org ")
	name := termsafe.Line(m.header.Org)
	if badge.Label != "" {
		name += " (" + termsafe.Line(badge.Label) + ")"
	}
	marker := ""
	if s := m.header.OrgStatus; s != "" && s != "ACTIVE" {
		marker = t.HeaderMarker.Render(" [" + termsafe.Line(s) + "]")
	}
	if w := m.header.WasOrg; w != "" {
		marker += t.HeaderMarker.Render(" (was " + termsafe.Line(w) + ")")
	}
	if room >= 0 {
		name = termsafe.Truncate(name, max(room-lipgloss.Width(lead)-lipgloss.Width(marker), 2))
	}
	return lead + badge.Name.Render(name) + marker
}

func joinParts(parts []headerPart, sep string) string {
	texts := make([]string, len(parts))
	for i, p := range parts {
		texts[i] = p.text
	}
	return strings.Join(texts, sep)
}

func withoutDrop(parts []headerPart, drop int) []headerPart {
	out := parts[:0:0]
	for _, p := range parts {
		if p.drop != drop {
			out = append(out, p)
		}
	}
	return out
}
