package tui

import (
	"encoding/json"
	"net/url"
	"os"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/hooks"
	"github.com/panel-dev/panel/emulator/seed"
	"github.com/panel-dev/panel/internal/termsafe/termsafetest"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/screens/account"
	"github.com/panel-dev/panel/tui/screens/invitations"
	"github.com/panel-dev/panel/tui/screens/logs"
	"github.com/panel-dev/panel/tui/screens/members"
	"github.com/panel-dev/panel/tui/screens/projects"
	"github.com/panel-dev/panel/tui/screens/services"
	"github.com/panel-dev/panel/tui/screens/signin"
)

// hostileWords is server text for errors and the device flow: every class of sequence, a forged line, and
// (through a redirect's query) bytes that are not UTF-8.
const hostileWords = "refused\x1b]0;PWNED-TITLE\x07\x1b]52;c;UFdORUQtQ0xJUA==\x07\x1b[2J\x1b]8;;https://evil.example/\x07" +
	"\x1bc\x07\r\b\x7f\u009b2J\u009d0;PWNED-TITLE\u009c\u202e\u2066\x1b[5;8m\nFORGED error line"

// colour draws with 24-bit colour for the test, so that our own SGR styling is in every frame and the
// checks tell it from the data's.
func colour(t *testing.T, d *Deps) {
	lipgloss.SetColorProfile(termenv.TrueColor)
	t.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
	d.NoColor = false
}

// clean checks the whole frame, the screen's own view (before the root's net) and the chrome.
func (d *driver) clean(where string) {
	d.t.Helper()
	if os.Getenv("PANEL_TEST_SHOW_FRAMES") != "" { // to look at the frames: go test -v -run Hostile ./tui
		d.t.Logf("%s:\n%s", where, ansi.Strip(d.m.View()))
	}
	termsafetest.Assert(d.t, where+": frame", d.m.View(), true)
	termsafetest.Assert(d.t, where+": screen", d.m.top().View(), true)
	termsafetest.Assert(d.t, where+": header", d.m.headerView(), true)
	termsafetest.Assert(d.t, where+": status line", d.m.statusView(), true)
}

// TestHostileTextThroughEveryScreen: signed in against the hostile seed, every screen — home, the
// switcher, a switch and its status line, projects, services and a service's logs, invitations sent and
// received, members with their
// modals, the log tail, account, help, a list's error state — draws no control, escape sequence, bidi
// control or forged line from the data (B24).
func TestHostileTextThroughEveryScreen(t *testing.T) {
	e := newEnv(t, emulator.Options{Seed: seed.Hostile()})
	deps := e.deps()
	colour(t, &deps)
	d := startModel(t, deps)
	d.signIn()
	d.WaitView("pending")
	d.clean("home")

	d.Press("o")
	d.WaitView("org_globex", "2 organizations")
	d.clean("switcher")
	d.Send(tea.KeyMsg{Type: tea.KeyDown})
	d.Press("enter")
	d.WaitView("Switched to")
	d.clean("switch to globex")
	d.Press("-")
	d.WaitFor("the switch back", func() bool {
		return d.m.ctx.OrgExternalID() == "org_acme" && strings.Contains(d.m.View(), "Switched to")
	})
	d.clean("switch back to acme")

	d.open(projects.Route)
	d.WaitView("services")
	d.clean("projects")

	d.open(services.Route)
	d.WaitView("shop", "DEGRADED", "Instances of")
	d.WaitView("fra1")
	d.clean("services")
	d.Press("enter") // the hostile service's logs
	d.WaitView("separated", "FORGED log line")
	d.clean("logs of a service")

	d.open(invitations.Route)
	d.WaitView("victim")
	d.clean("invitations sent")
	d.Press("s")
	d.clean("invitations sent, next status filter")
	d.Press("tab")
	d.WaitView("umbrella")
	d.clean("invitations received")

	d.open(members.Route)
	d.WaitView("mallory")
	d.clean("members")
	d.Press("j", "x")
	d.WaitView("Remove")
	d.clean("remove member confirmation")
	d.Press("n", "L")
	d.WaitView("to confirm")
	d.clean("leave confirmation")
	d.Press("esc")

	d.open(logs.Route)
	d.WaitView("Tail logs")
	d.Press("svc-web", "enter")
	d.WaitView("separated", "FORGED log line")
	d.clean("logs")

	d.open(account.Route)
	d.WaitView("Session id")
	d.clean("account")
	d.Press("?")
	d.WaitFor("help", func() bool { return d.route() == string(common.RouteHelp) })
	d.clean("help")

	addFault(t, e.srv, hooks.Fault{Method: "GET", Path: "/v1/projects", Status: 409, Count: 2,
		ContentType: "application/json", Body: `{"code":"conflict","message":` + jsonString(hostileWords) + `}`})
	d.m.deps.App.API.Cache().InvalidateAll() // the list must ask the API
	d.open(projects.Route)
	d.WaitView("to retry")
	d.clean("a list's error state")
}

// TestHostileTextOnTheSignInScreens: the device code screen (user_code and verification_uri from
// WorkOS), an error redirect's error_description (with bytes that are not UTF-8) and the organization
// picker show the server's words sanitized.
func TestHostileTextOnTheSignInScreens(t *testing.T) {
	e := newEnv(t, emulator.Options{Seed: seed.Hostile()})
	deps := e.deps()
	colour(t, &deps)
	noBrowser(t, &deps)
	d := startModel(t, deps)
	d.WaitView("Sign in to panel")
	d.clean("sign-in")

	addFault(t, e.srv, hooks.Fault{Method: "POST", Path: "/user_management/authorize/device", Status: 200,
		Count: 1, ContentType: "application/json", Body: `{"device_code":"hostile","user_code":` + jsonString("CODE"+hostileWords) +
			`,"verification_uri":` + jsonString("https://evil.example/"+hostileWords) +
			`,"verification_uri_complete":` + jsonString("https://evil.example/?"+hostileWords) + `,"expires_in":60,"interval":5}`})
	addFault(t, e.srv, hooks.Fault{Method: "POST", Path: "/user_management/authenticate", Status: 400,
		ContentType: "application/json", Body: `{"error":"authorization_pending"}`})
	d.Press("d")
	d.WaitView("enter the code", "FORGED error line")
	d.clean("device code")
	e.srv.Controls().ClearFaults()
	d.Press("esc")

	d.WaitView("Sign in to panel")
	d.Press("enter")
	d.WaitView("No browser could be opened here")
	authorize, err := url.Parse(d.m.top().(*signin.Model).Link())
	if err != nil {
		t.Fatal(err)
	}
	q := authorize.Query()
	back := q.Get("redirect_uri") + "?error=access_denied&state=" + url.QueryEscape(q.Get("state")) +
		"&error_description=" + url.QueryEscape(hostileWords) + "%FF%FE%C3"
	d.Press("tab")
	d.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(back), Paste: true})
	d.Press("enter")
	d.WaitView("access_denied", "FORGED error line")
	d.clean("a refused sign-in")

	sd := seed.Hostile()
	sd.OrganizationSelectionRequired = true
	e2 := newEnv(t, emulator.Options{Seed: sd})
	deps2 := e2.deps()
	colour(t, &deps2)
	d2 := startModel(t, deps2)
	d2.WaitView("Sign in to panel")
	d2.Press("enter")
	d2.WaitView("Choose the one to sign in to", "org_globex")
	d2.clean("organization picker")
}

// TestHostileTextOnboardingAndInvitationLanding: carol, in no organization, lands on onboarding with two
// hostile invitations; alice opens umbrella's invitation link, signed out, then signed in.
func TestHostileTextOnboardingAndInvitationLanding(t *testing.T) {
	e := newEnv(t, emulator.Options{Seed: seed.Hostile()})
	deps := e.deps()
	colour(t, &deps)
	deps.SignInEmail = "carol@example.com"
	d := startModel(t, deps)
	d.signIn()
	d.WaitView("Welcome to panel", "from")
	d.clean("onboarding")

	var route common.Route
	for _, i := range e.srv.State().ReceivedInvitations("alice@example.com") {
		route = common.RouteInvitation.With(i.ID)
	}
	e2 := newEnv(t, emulator.Options{Seed: seed.Hostile()})
	deps2 := e2.deps()
	colour(t, &deps2)
	deps2.Start = route
	d2 := startModel(t, deps2)
	d2.WaitView("Someone invited you")
	d2.clean("invitation landing, signed out")
	d2.Press("enter")
	d2.WaitView("Invited by", "accept and switch to")
	d2.clean("invitation landing")
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// open shows route r over home alone, as the global keys do, and waits until it is on top.
func (d *driver) open(r common.Route) {
	d.t.Helper()
	d.Send(common.OpenMsg{Route: r, Reset: true})
	d.WaitFor("the "+string(r)+" screen", func() bool { return d.route() == string(r) })
}

func addFault(t *testing.T, srv *emulator.Server, f hooks.Fault) {
	t.Helper()
	if err := srv.Controls().AddFault(f); err != nil {
		t.Fatal(err)
	}
}
