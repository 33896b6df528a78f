package tui

import (
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/panel-dev/panel/emulator"
)

// The big journeys, driven key by key at 80×24 with the ASCII profile pinned
// in TestMain. The final frame is compared with a golden file (go test ./tui
// -run Flow -update rewrites them); clock times, dates and durations are
// masked first.

var masks = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`\d\d:\d\d:\d\d`), "HH:MM:SS"},
	{regexp.MustCompile(`\d{4}-\d\d-\d\d`), "YYYY-MM-DD"},
	{regexp.MustCompile(`in \d+ ms`), "in N ms"},
	{regexp.MustCompile(`session_[0-9A-Z]+`), "session_ID"},
	{regexp.MustCompile(`user_[0-9A-Z]+`), "user_ID"},
}

// finalGolden compares the last frame with the golden file.
func finalGolden(t *testing.T, d *driver) {
	t.Helper()
	view := d.View()
	for _, m := range masks {
		view = m.re.ReplaceAllString(view, m.with)
	}
	lines := strings.Split(view, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	golden.RequireEqual(t, []byte(strings.Join(lines, "\n")+"\n"))
}

func TestFlowSignInSwitchInviteRevoke(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	f := startModel(t, e.deps())
	f.WaitView("Sign in to panel")
	f.Key(tea.KeyEnter)
	f.WaitView("org acme", "1 pending")

	f.Type("o")
	f.WaitView("globex")
	f.Type("glob")
	f.WaitView("1 of 3")
	f.Key(tea.KeyEnter)
	f.WaitView("Switched to globex")

	f.Type("i")
	f.WaitView("Invitations · globex")
	f.Type("n")
	f.WaitView("Invite to globex")
	f.Type("carol@example.com,not-an-email")
	f.Key(tea.KeyCtrlS)
	f.WaitView("✗ not a valid email address", "1 sent, 1 not sent")
	f.Key(tea.KeyEsc)
	f.WaitView("carol@example.com")
	f.Type("x")
	f.WaitView("Revoke the invitation to carol@example.com?")
	f.Type("y")
	f.WaitView("Revoked the invitation", "No invitations with this status") // the reload, too
	finalGolden(t, f)
}

func TestFlowRevokedSessionSignsInAndComesBack(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	d := e.deps()
	d.SessionCheckEvery = 100 * time.Millisecond
	f := startModel(t, d)
	f.WaitView("Sign in to panel")
	f.Key(tea.KeyEnter)
	f.WaitView("org acme")
	f.Type("m")
	f.WaitView("bob@example.com")

	e.hook("/_emulator/sessions/revoke", map[string]string{"email": "alice@example.com"})
	f.WaitView("Your session was revoked")
	f.Key(tea.KeyEnter)
	f.WaitView("bob@example.com", "org acme", "project default") // the gate's project, too
	finalGolden(t, f)
}
