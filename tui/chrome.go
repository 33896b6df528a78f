package tui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"github.com/panel-dev/panel/internal/termsafe"
	"github.com/panel-dev/panel/tui/common"
)

// header is what the top bar shows; filled from the local store for the
// first frame, then from the network as answers arrive.
type header struct {
	User      string // email
	Org       string // name
	OrgID     string // external id: the organization's colour and mark
	OrgStatus string // "" or ACTIVE: no marker
	WasOrg    string // the organization a sign-in moved the user out of unasked (B28)
	Project   string
	Stale     bool // still the local store's last known values
}

// statusLine is the one line under the screen for the error funnel and
// progress ("switching to globex…").
type statusLine struct {
	Text  string
	Level common.Level
	Until time.Time // zero: until replaced
	seq   int       // which message a clear timer belongs to
}

// chromeHeight is the number of lines the root draws around a screen:
// header, status line and help footer.
const chromeHeight = 3

func (m *Model) statusView() string {
	t := m.ctx.Theme
	style := t.StatusInfo
	switch m.status.Level {
	case common.LevelSuccess:
		style = t.Success
	case common.LevelWarning:
		style = t.StatusWarn
	case common.LevelError:
		style = t.StatusError
	}
	// Status texts carry names and server errors: one sanitized line (B24).
	text := termsafe.Truncate(strings.ReplaceAll(m.status.Text, "\n", " "), max(m.width-1, 0))
	return style.Render(" " + text)
}

// footerView is the screen's keys, then the globals it does not shadow,
// as many as fit whole; `?` (every key) always shows when it works.
func (m *Model) footerView() string {
	var bindings []key.Binding
	claimed := map[string]bool{}
	capturing := false
	if top := m.top(); top != nil {
		for _, b := range top.ShortHelp() {
			if !b.Enabled() {
				continue
			}
			bindings = append(bindings, b)
			for _, k := range b.Keys() {
				claimed[k] = true
			}
		}
		capturing = top.Capturing()
	}
	if !capturing {
		for _, g := range m.ctx.Keys.ShortHelp() {
			if g.Enabled() && !shadowed(g, claimed) {
				bindings = append(bindings, g)
			}
		}
	}
	help := m.ctx.Keys.Help
	isHelp := func(b key.Binding) bool { return !capturing && slices.Equal(b.Keys(), help.Keys()) }
	fitted := fitFooter(bindings, max(m.width-1, 1), isHelp)
	return m.help.ShortHelpView(fitted)
}

func shadowed(b key.Binding, claimed map[string]bool) bool {
	for _, k := range b.Keys() {
		if claimed[k] {
			return true
		}
	}
	return false
}

// Below this size the layout cannot hold; a clear message replaces it.
const minWidth, minHeight = 40, 10

// View draws the chrome around the top screen, at exactly the terminal size.
// The frame passes termsafe.Styled last: whatever a screen forgot to
// sanitize, only our SGR styling and line breaks reach the terminal (B24).
func (m *Model) View() string { return termsafe.Styled(m.frame()) }

func (m *Model) frame() string {
	if m.width == 0 || m.height == 0 {
		return ""
	}
	if m.width < minWidth || m.height < minHeight {
		return m.ctx.Theme.Warning.Width(m.width).Render(
			fmt.Sprintf("The terminal is too small (%d×%d): panel needs at least %d×%d.", m.width, m.height, minWidth, minHeight))
	}
	body := ""
	if top := m.top(); top != nil {
		body = top.View()
	}
	h := max(m.height-chromeHeight, 0)
	body = lipgloss.NewStyle().Width(m.width).Height(h).MaxHeight(h).MaxWidth(m.width).Render(body)
	return lipgloss.JoinVertical(lipgloss.Left, m.headerView(), body, m.statusView(), m.footerView())
}
