package tui

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/panel-dev/panel/emulator"
)

// The big journeys through the real program loop (teatest), at 80×24 with
// the ASCII profile pinned in TestMain. The final frame is compared with a
// golden file (go test ./tui -run Flow -update rewrites them); clock times,
// dates and durations are masked first.

type flow struct {
	t  *testing.T
	tm *teatest.TestModel
	m  *Model
}

func startFlow(t *testing.T, d Deps) *flow {
	m := New(t.Context(), d)
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	t.Cleanup(func() { _ = tm.Quit() })
	return &flow{t: t, tm: tm, m: m}
}

// waitFor waits until the program has drawn every text (in one stretch of
// output since the last wait).
func (f *flow) waitFor(texts ...string) {
	f.t.Helper()
	teatest.WaitFor(f.t, f.tm.Output(), func(b []byte) bool {
		for _, s := range texts {
			if !bytes.Contains(b, []byte(s)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(deadline), teatest.WithCheckInterval(10*time.Millisecond))
}

func (f *flow) typeText(s string) { f.tm.Type(s) }

func (f *flow) key(k tea.KeyType) { f.tm.Send(tea.KeyMsg{Type: k}) }

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

// finalGolden quits and compares the last frame with the golden file.
func (f *flow) finalGolden() {
	f.t.Helper()
	if err := f.tm.Quit(); err != nil {
		f.t.Fatal(err)
	}
	fm := f.tm.FinalModel(f.t, teatest.WithFinalTimeout(deadline)).(*Model)
	view := fm.View()
	for _, m := range masks {
		view = m.re.ReplaceAllString(view, m.with)
	}
	lines := strings.Split(view, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	golden.RequireEqual(f.t, []byte(strings.Join(lines, "\n")+"\n"))
}

func TestFlowSignInSwitchInviteRevoke(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	f := startFlow(t, e.deps())
	f.waitFor("Sign in to panel")
	f.key(tea.KeyEnter)
	f.waitFor("org acme", "1 pending")

	f.typeText("o")
	f.waitFor("globex")
	f.typeText("glob")
	f.waitFor("1 of 3")
	f.key(tea.KeyEnter)
	f.waitFor("Switched to globex")

	f.typeText("i")
	f.waitFor("Invitations · globex")
	f.typeText("n")
	f.waitFor("Invite to globex")
	f.typeText("carol@example.com,not-an-email")
	f.key(tea.KeyCtrlS)
	f.waitFor("✗ not a valid email address", "1 sent, 1 not sent")
	f.key(tea.KeyEsc)
	f.waitFor("carol@example.com")
	f.typeText("x")
	f.waitFor("Revoke the invitation to carol@example.com?")
	f.typeText("y")
	f.waitFor("Revoked the invitation", "No invitations with this status") // the reload, too
	f.finalGolden()
}

func TestFlowRevokedSessionSignsInAndComesBack(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	d := e.deps()
	d.SessionCheckEvery = 100 * time.Millisecond
	f := startFlow(t, d)
	f.waitFor("Sign in to panel")
	f.key(tea.KeyEnter)
	f.waitFor("org acme")
	f.typeText("m")
	f.waitFor("bob@example.com")

	e.hook("/_emulator/sessions/revoke", map[string]string{"email": "alice@example.com"})
	f.waitFor("Your session was revoked")
	f.key(tea.KeyEnter)
	f.waitFor("bob@example.com", "org acme", "project default") // the gate's project, too
	f.finalGolden()
}
