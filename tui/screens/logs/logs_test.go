package logs

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/hooks"
	"github.com/panel-dev/panel/internal/testmain"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/internal/screentest"
)

func TestMain(m *testing.M) { testmain.Run(m, testmain.ASCIIColors()) }

func space() tea.KeyMsg { return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}} }

func TestPickerTakesEveryKeyAsText(t *testing.T) {
	env := screentest.New(t, emulator.Options{}, "alice@example.com")
	m := New(env.Ctx, Route)
	d := screentest.Start(t, m)
	d.Type("quiet-svc")
	if m.input.Value() != "quiet-svc" || !m.Capturing() {
		t.Fatalf("typed %q", m.input.Value())
	}
	for _, msg := range d.Root() {
		if _, quit := msg.(common.QuitMsg); quit {
			t.Fatal("q quit")
		}
	}
	d.Key(tea.KeyEnter)
	d.WaitFor("the tail", func() bool { return len(m.Lines()) >= 50 })
	if m.Route() != "logs/quiet-svc" {
		t.Fatalf("route %s", m.Route())
	}
}

func TestTailPausesScrollsAndFollows(t *testing.T) {
	env := screentest.New(t, emulator.Options{}, "alice@example.com")
	m := New(env.Ctx, Route.With("svc_web"))
	d := screentest.Start(t, m)
	d.WaitFor("the recent lines", func() bool { return len(m.Lines()) >= 50 })
	d.WaitView("● live")
	d.Send(space())
	frozen := m.offset
	n := len(m.Lines())
	d.WaitFor("a line while paused", func() bool { return len(m.Lines()) > n })
	if m.offset != frozen || m.unseen == 0 {
		t.Fatalf("paused view moved: offset %d → %d, unseen %d", frozen, m.offset, m.unseen)
	}
	d.WaitView("paused —")
	d.Send(space())
	d.Key(tea.KeyPgUp)
	if m.follow {
		t.Fatal("still following after scrolling up")
	}
	d.WaitView("G follows")
	d.Type("G")
	if !m.follow || m.offset != len(m.Lines())-m.rows() {
		t.Fatalf("G: follow %v offset %d", m.follow, m.offset)
	}
	d.Key(tea.KeyEsc)
	d.WaitRoot("back", func(msg tea.Msg) bool { _, ok := msg.(common.BackMsg); return ok })
	if m.stream != nil || m.cancel != nil {
		t.Fatal("esc left the stream open")
	}
}

func TestReconnectAsksForAFreshToken(t *testing.T) {
	// Tokens live 11 s and are refreshed 10 s before expiry: after a second,
	// any new dial must refresh first.
	env := screentest.New(t, emulator.Options{AccessTokenTTL: 11 * time.Second}, "alice@example.com")
	m := New(env.Ctx, Route.With("svc_web"))
	d := screentest.Start(t, m)
	started := time.Now()
	d.WaitFor("a second of lines", func() bool { return len(m.Lines()) >= 50 && time.Since(started) > 1500*time.Millisecond })
	refreshes := authenticates(env)

	if err := env.Srv.Controls().AddFault(hooks.Fault{Method: "GET", Path: "/v1/streams/logs/tail", Status: 500, Count: 1}); err != nil {
		t.Fatal(err)
	}
	d.Type("n")
	d.Key(tea.KeyEnter)
	d.WaitView("HTTP 500", "to reconnect")
	d.Type("r")
	d.WaitView("● live")
	if got := authenticates(env); got <= refreshes {
		t.Fatalf("no token refresh before the new dials (%d authenticate calls, %d before)", got, refreshes)
	}
	if !strings.Contains(m.View(), "svc_web") {
		t.Fatalf("view:\n%s", m.View())
	}
}

func authenticates(env *screentest.Env) int {
	n := 0
	for _, r := range env.Srv.Controls().Requests() {
		if r.Path == "/user_management/authenticate" {
			n++
		}
	}
	return n
}

func TestSwitchingOrganizationStopsTheTail(t *testing.T) {
	env := screentest.New(t, emulator.Options{}, "alice@example.com")
	m := New(env.Ctx, Route.With("svc_web"))
	d := screentest.Start(t, m)
	d.WaitFor("lines", func() bool { return len(m.Lines()) > 0 })
	d.Send(env.Switch(t, "org_globex"))
	if m.state != picking || m.stream != nil {
		t.Fatal("the tail of the old organization goes on")
	}
	d.WaitView("organization changed", "globex")
}

// Behind the real gateway, refusals arrive as frames (B31): an unauthenticated one refreshes the token and
// the tail goes on; any other is shown in the pane, with r to reconnect.
func TestErrorFramesInThePane(t *testing.T) {
	env := screentest.New(t, emulator.Options{}, "alice@example.com")
	if err := env.Srv.Controls().AddFault(hooks.Fault{Method: "GET", Path: "/v1/streams/logs/tail", Count: 1,
		AfterLines: 100, Frame: `{"error":{"code":16,"message":"Request unauthenticated with bearer"}}`}); err != nil {
		t.Fatal(err)
	}
	refreshes := authenticates(env)
	m := New(env.Ctx, Route.With("svc_web"))
	d := screentest.Start(t, m)
	d.WaitFor("lines after the refusal", func() bool { return len(m.Lines()) >= 103 })
	if m.state != streaming || m.err != "" || authenticates(env) != refreshes+1 {
		t.Fatalf("state %d err %q, %d refreshes (want 1 more than %d)", m.state, m.err, authenticates(env), refreshes)
	}

	if err := env.Srv.Controls().AddFault(hooks.Fault{Method: "GET", Path: "/v1/streams/logs/tail", Count: 1,
		Frame: `{"code":9,"message":"Service is being deleted"}`}); err != nil {
		t.Fatal(err)
	}
	d.Type("n")
	d.Key(tea.KeyEnter)
	d.WaitView("Service is being deleted", "to reconnect")
}
