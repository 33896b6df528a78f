package invitation

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/termsafe"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
)

// View draws the screen.
func (m *Model) View() string {
	t := m.ctx.Theme
	var b strings.Builder
	b.WriteString(t.Title.Render("Invitation to an organization") + "\n\n")
	switch {
	case m.ctx.SignedOut:
		b.WriteString(m.signedOutView())
	case !m.ctx.GatePassed:
		b.WriteString(t.Muted.Render("Checking your session…"))
	case m.loadErr != nil:
		b.WriteString(m.errorView())
	case m.inv == nil:
		b.WriteString(t.Muted.Render("Loading invitation " + termsafe.Line(m.id) + "…"))
	default:
		b.WriteString(m.invitationView(*m.inv))
	}
	return b.String()
}

func (m *Model) signedOutView() string {
	t := m.ctx.Theme
	var b strings.Builder
	b.WriteString(m.wrap(t.Text, "Someone invited you to join their organization on panel (invitation "+m.id+").") + "\n\n")
	b.WriteString(m.wrap(t.Text, "Sign in to see who invited you and to accept or decline. New here? Sign up with "+
		"the address the invitation was sent to: you come back to this invitation either way.") + "\n\n")
	row := func(k, what string) { b.WriteString(components.KeyLine(t, k, what)) }
	row("enter", "sign in with the browser")
	row("s", "create an account (sign up)")
	row("q", "quit")
	return b.String()
}

func (m *Model) errorView() string {
	t := m.ctx.Theme
	if notForYou(m.loadErr) {
		who := m.ctx.SessionInfo.Email
		if u := m.ctx.User; u != nil && u.Email != "" {
			who = u.Email
		}
		return m.wrap(t.Warning, fmt.Sprintf("No invitation %s is waiting for %s: it was revoked, or it was sent to "+
			"another address. If so, sign out (u, then S) and sign in with that address.", m.id, orDefault(who, "you"))) + "\n"
	}
	return m.wrap(t.Error, "Could not load the invitation: "+common.Describe(m.loadErr)) + "\n" +
		t.Muted.Render("Press ") + t.Key.Render("r") + t.Muted.Render(" to retry.") + "\n"
}

func (m *Model) invitationView(inv app.Invitation) string {
	t := m.ctx.Theme
	var b strings.Builder
	row := func(label, value string) { b.WriteString(components.Field(t, 14, label, value)) }
	org := t.Accent.Render(termsafe.Line(orgName(inv)))
	if o := inv.Organization; o != nil && o.ExternalID != "" {
		org += t.Muted.Render(" " + termsafe.Line(o.ExternalID))
	}
	row("Organization", org)
	row("Invited by", termsafe.Line(inviter(inv)))
	row("Sent to", termsafe.Line(orDefault(inv.Email, "—")))
	role := "member"
	if inv.Role == app.RoleOwner {
		role = "owner"
	}
	row("Role", role)
	row("Status", m.statusLine(inv))
	b.WriteString("\n")
	if m.problem != "" {
		b.WriteString(m.wrap(t.FieldHint, m.problem) + "\n\n")
	}
	if m.working != "" {
		b.WriteString(t.Muted.Render(termsafe.Line(m.working)) + "\n")
		return b.String()
	}
	b.WriteString(m.outcome(inv) + "\n")
	return b.String()
}

func (m *Model) statusLine(inv app.Invitation) string {
	t := m.ctx.Theme
	expires := ""
	if !inv.ExpiresAt.IsZero() {
		expires = inv.ExpiresAt.Local().Format("2006-01-02 15:04")
	}
	switch state(inv, time.Now()) {
	case statePending:
		if expires != "" {
			return t.Accent.Render("pending") + t.Muted.Render(" · expires "+expires)
		}
		return t.Accent.Render("pending")
	case stateAccepted:
		return t.Success.Render("accepted")
	case stateDeclined:
		return t.Muted.Render("declined")
	case stateExpired:
		if expires != "" {
			return t.Warning.Render("expired") + t.Muted.Render(" on "+expires)
		}
		return t.Warning.Render("expired")
	}
	return t.Warning.Render(termsafe.Line(strings.ToLower(string(inv.Status))))
}

// outcome says what the user can do now.
func (m *Model) outcome(inv app.Invitation) string {
	t := m.ctx.Theme
	name, from := orgName(inv), inviterName(inv)
	switch state(inv, time.Now()) {
	case statePending:
		return "  " + t.Key.Render("a") + "  accept and switch to " + termsafe.Line(name) + "\n" +
			"  " + t.Key.Render("d") + "  decline"
	case stateAccepted:
		return m.wrap(t.Text, "This invitation was accepted: you are a member of "+name+". Press o to switch to it.")
	case stateDeclined:
		return m.wrap(t.Text, "This invitation was declined. Ask "+from+" for a new one if you change your mind.")
	case stateExpired:
		return m.wrap(t.Warning, "This invitation expired: it can no longer be accepted. Ask "+from+" to send a new one.")
	}
	return m.wrap(t.Warning, "This invitation is no longer valid. Ask "+from+" to send a new one.")
}

func inviter(inv app.Invitation) string {
	u := inv.Inviter
	switch {
	case u == nil:
		return "—"
	case u.Name != "" && u.Email != "":
		return u.Name + " (" + u.Email + ")"
	case u.Email != "":
		return u.Email
	}
	return orDefault(u.Name, "—")
}

func inviterName(inv app.Invitation) string {
	if u := inv.Inviter; u != nil {
		return orDefault(orDefault(u.Name, u.Email), "the organization")
	}
	return "the organization"
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// wrap is a paragraph of the screen's width (sanitized).
func (m *Model) wrap(style lipgloss.Style, text string) string {
	return components.Paragraph(style, m.width, text)
}
