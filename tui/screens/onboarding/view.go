package onboarding

import (
	"fmt"
	"strings"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/termsafe"
	"github.com/panel-dev/panel/tui/common"
)

// headerLines is the height of the text above the invitations list.
const headerLines = 5

// View draws the screen.
func (m *Model) View() string {
	t := m.ctx.Theme
	var b strings.Builder
	who := m.ctx.SessionInfo.Email
	if m.ctx.User != nil {
		who = m.ctx.User.Email
	}
	who = termsafe.Line(who)
	b.WriteString(t.Title.Render("Welcome to panel") + "\n")
	b.WriteString(t.Text.Width(max(m.width, 20)).Render(
		fmt.Sprintf("%s is not a member of any organization yet: accept an invitation, or create an organization (n).", who)) + "\n")
	if m.working != "" {
		b.WriteString(t.Muted.Render(termsafe.Line(m.working)))
	}
	b.WriteString("\n" + t.Muted.Render("Invitations for you") + "\n")
	if m.form != nil {
		b.WriteString(m.form.View())
		return b.String()
	}
	b.WriteString(m.list.View())
	return b.String()
}

func invitationText(i app.Invitation) string {
	return invitationOrg(i) + " " + i.OrganizationID
}

func invitationRow(ctx *common.Context) func(app.Invitation, bool, int) string {
	return func(i app.Invitation, selected bool, width int) string {
		line := termsafe.Line(invitationOrg(i))
		if i.Inviter != nil && i.Inviter.Email != "" {
			line += "  from " + termsafe.Line(i.Inviter.Email)
		}
		if !i.ExpiresAt.IsZero() {
			line += "  expires " + i.ExpiresAt.Format("2006-01-02")
		}
		switch {
		case ctx.Theme.CursorGutter() > 0:
			return line // the list marks the cursor
		case selected:
			return ctx.Theme.Selected.Render("› " + line)
		}
		return "  " + line
	}
}
