package members

import (
	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/internal/termsafe"
)

// View draws the title, the list, and a modal over it when one is up.
func (m *Model) View() string {
	th := m.ctx.Theme
	out := th.Title.Render("Members of "+termsafe.Line(m.orgName())) + "\n"
	switch {
	case m.confirm != nil:
		return out + m.confirm.View()
	case m.leave != nil:
		return out + m.leave.View()
	}
	return out + m.list.View()
}

func (m *Model) row(mb api.OrganizationMember, selected bool, width int) string {
	th := m.ctx.Theme
	name := termsafe.Pad(memberName(mb), 20)
	if selected {
		name = th.Selected.Render(name)
	} else {
		name = th.Text.Render(name)
	}
	mark, you := "  ", "   "
	if m.isMe(mb) {
		mark, you = th.Current.Render("● "), th.Current.Render("you")
	}
	line := mark + name + " " + th.Muted.Render(termsafe.Pad(memberEmail(mb), 26))
	if mb.Role == api.RoleOwner {
		line += " " + th.Accent.Render("owner ")
	} else {
		line += " " + th.Muted.Render("member")
	}
	line += " " + you
	if !mb.JoinedAt.IsZero() {
		line += "  " + th.Muted.Render("joined "+mb.JoinedAt.Format("2006-01-02"))
	}
	return line
}
