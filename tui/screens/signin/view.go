package signin

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/panel-dev/panel/internal/qrcode"
	"github.com/panel-dev/panel/internal/termsafe"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
)

// View draws the screen.
func (m *Model) View() string {
	t := m.ctx.Theme
	var b strings.Builder
	b.WriteString(t.Title.Render("Sign in to panel") + "\n\n")
	if m.opts.Reason != "" {
		b.WriteString(m.wrap(t.Warning, m.opts.Reason) + "\n\n")
	}
	if m.opts.OrganizationID != "" && m.phase != phasePickOrg {
		b.WriteString(m.wrap(t.Muted, "Signing in to organization "+termsafe.Line(m.organizationLabel())+".") + "\n\n")
	}
	switch m.phase {
	case phaseIdle:
		b.WriteString(m.idleView())
	case phaseStarting, phaseFinishing:
		b.WriteString(t.Muted.Render("Working…"))
	case phaseBrowser:
		b.WriteString(m.browserView())
	case phaseDevice:
		b.WriteString(m.deviceView())
	case phasePickOrg:
		b.WriteString(m.pickView())
	}
	return b.String()
}

func (m *Model) idleView() string {
	t := m.ctx.Theme
	var b strings.Builder
	if m.err != nil {
		b.WriteString(m.wrap(t.Error, common.SignInFailure(m.err)) + "\n\n")
	}
	if m.opts.Next.Name() == common.RouteInvitation {
		b.WriteString(m.wrap(t.Text, "You were invited to join an organization. Sign in, or sign up with the "+
			"invited address, and the invitation opens next.") + "\n\n")
	}
	row := func(k, what string) { b.WriteString(components.KeyLine(t, k, what)) }
	row("enter", "sign in with the browser")
	row("s", "create an account (sign up)")
	row("a", "sign in as someone else (the browser asks again)")
	row("d", "sign in with a device code (SSH, no browser here)")
	if m.opts.Next.Name() == common.RouteInvitation {
		row("v", "back to the invitation")
	}
	row("q", "quit")
	return b.String()
}

func (m *Model) browserView() string {
	t := m.ctx.Theme
	var b strings.Builder
	if m.browserErr != nil {
		b.WriteString(m.wrap(t.Warning, "No browser could be opened here. Open this address on any device:") + "\n")
	} else {
		b.WriteString(m.wrap(t.Text, "Finish signing in in the browser. The address, if it did not open:") + "\n")
	}
	b.WriteString(m.wrap(t.Accent, m.login.URL()) + "\n")
	copied := ""
	if m.copied {
		copied = t.Success.Render("  copied")
	}
	b.WriteString(t.Muted.Render("c copies it (OSC 52)") + copied + "\n\n")
	b.WriteString(m.wrap(t.Muted, "Browser on another machine? Its redirect to 127.0.0.1 fails: copy the address "+
		"it shows and paste it here (tab).") + "\n")
	b.WriteString(m.paste.View() + "\n")
	if m.pasteErr != "" {
		b.WriteString(m.wrap(t.FieldHint, m.pasteErr) + "\n")
	}
	return b.String()
}

func (m *Model) deviceView() string {
	t := m.ctx.Theme
	d := m.device
	var b strings.Builder
	b.WriteString(m.wrap(t.Text, "Open "+d.VerificationURI+" on any device and enter the code:") + "\n\n")
	b.WriteString("    " + t.Title.Render(termsafe.Line(d.UserCode)) + "\n\n")
	used := lipgloss.Height(m.opts.Reason) + 8
	if qr := qrcode.Render(d.VerificationURIComplete); qr != "" && lipgloss.Height(qr)+used <= m.height &&
		lipgloss.Width(qr) <= m.width {
		b.WriteString(qr + "\n")
	}
	b.WriteString(t.Muted.Render("Waiting for the approval… (c copies the link, esc cancels)"))
	return b.String()
}

func (m *Model) pickView() string {
	t := m.ctx.Theme
	var b strings.Builder
	who := ""
	if m.selection.Email != "" {
		who = " as " + termsafe.Line(m.selection.Email)
	}
	b.WriteString(m.wrap(t.Text, "You belong to several organizations. Choose the one to sign in to"+who+":") + "\n\n")
	for i, o := range m.selection.Organizations {
		line := fmt.Sprintf("%s (%s)", termsafe.Line(o.Name), termsafe.Line(o.ID))
		if i == m.cursor {
			b.WriteString(t.Selected.Render("› "+line) + "\n")
		} else {
			b.WriteString("  " + line + "\n")
		}
	}
	return b.String()
}

// wrap is a paragraph of the screen's width (sanitized).
func (m *Model) wrap(style lipgloss.Style, text string) string {
	return components.Paragraph(style, m.width, text)
}
