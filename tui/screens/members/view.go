package members

import (
	"github.com/charmbracelet/x/ansi"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/termsafe"
	"github.com/panel-dev/panel/tui/components"
)

// View draws the title, the list, and a modal over it when one is up.
func (m *Model) View() string {
	th := m.ctx.Theme
	out := th.Title.Render("Members of "+termsafe.Line(m.orgName())) + "\n"
	if m.ask != nil {
		return out + m.ask.View()
	}
	return out + m.list.View()
}

func (m *Model) row(mb app.Member, selected bool, width int) string {
	th := m.ctx.Theme
	name := components.RowName(th, memberName(mb), 20, selected)
	mark, you := "  ", "   "
	if m.isMe(mb) {
		mark, you = th.Current.Render("● "), th.Current.Render("you")
	}
	line := mark + name + " " + th.Muted.Render(termsafe.Pad(memberEmail(mb), emailWidth(width)))
	if mb.Role == app.RoleOwner {
		line += " " + th.Accent.Render("owner ")
	} else {
		line += " " + th.Muted.Render("member")
	}
	line += " " + you
	joined := "  joined " + mb.JoinedAt.Format("2006-01-02")
	if !mb.JoinedAt.IsZero() && (width <= 0 || ansi.StringWidth(line)+len(joined) <= width) {
		line += th.Muted.Render(joined) // only whole: a cut date reads as another date
	}
	return line
}

// emailWidth is the email column: 26 wide, narrower so that the join date fits
// beside the other columns (53 wide with it).
func emailWidth(width int) int {
	if width <= 0 {
		return 26
	}
	return min(max(width-53, 16), 26)
}
