package signin

import (
	"bytes"
	"errors"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/testmain"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/internal/screentest"
)

// browserEnv makes the test binary the browser: BROWSER runs it with the
// authorize URL, and it follows the redirects to the loopback callback.
const browserEnv = "PANEL_SIGNIN_TEST_BROWSER"

func TestMain(m *testing.M) {
	testmain.Run(m, testmain.ASCIIColors(), testmain.ActAsBrowser(browserEnv))
}

// testBrowser is the BROWSER command that signs in like a browser would.
func testBrowser(t *testing.T) string {
	t.Setenv(browserEnv, "1")
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return exe
}

// noBrowser is a BROWSER command that cannot start: the URL is the way.
const noBrowser = "/nonexistent/panel-test-browser"

func start(t *testing.T, eo emulator.Options, o Options) (*screentest.Env, *screentest.Driver, *Model) {
	env := screentest.NewSignedOut(t, eo)
	m := New(env.Ctx, o)
	return env, screentest.Start(t, m), m
}

func signedIn(t *testing.T, d *screentest.Driver) common.SignedInMsg {
	t.Helper()
	return d.WaitRoot("signed in", func(m tea.Msg) bool { _, ok := m.(common.SignedInMsg); return ok }).(common.SignedInMsg)
}

func enabled(s common.Screen, msg tea.KeyMsg) bool {
	for _, col := range s.FullHelp() {
		for _, b := range col {
			if b.Enabled() && key.Matches(msg, b) {
				return true
			}
		}
	}
	return false
}

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

func TestEnterSignsInAndCarriesNext(t *testing.T) {
	_, d, m := start(t, emulator.Options{}, Options{Next: "members", Reason: "Your session was revoked.", Browser: testBrowser(t)})
	d.WaitView("Sign in to panel", "Your session was revoked.", "sign in with the browser", "device code")
	d.Key(tea.KeyEnter)
	if got := signedIn(t, d); got.Next != "members" {
		t.Fatalf("signed in with next %q, want members (B4)", got.Next)
	}
	if m.phase != phaseIdle || m.Link() != "" {
		t.Fatalf("after signing in: phase %d, link %q", m.phase, m.Link())
	}
}

func TestNoBrowserShowsTheURLAndThePastedRedirectSignsIn(t *testing.T) {
	_, d, m := start(t, emulator.Options{}, Options{Browser: noBrowser, Email: "newbie@example.com"})
	d.Type("s") // sign up: a new user
	d.WaitView("No browser could be opened here", "paste")
	if link := m.Link(); !strings.Contains(link, "screen_hint=sign-up") || !strings.Contains(link, "login_hint=newbie") {
		t.Fatalf("sign-up URL %q", link)
	}
	d.Key(tea.KeyTab)
	if !m.Capturing() {
		t.Fatal("the paste box does not take the keys")
	}
	d.Type("q") // text in the box, not quit
	if m.paste.Value() != "q" {
		t.Fatalf("paste box %q", m.paste.Value())
	}
	d.Key(tea.KeyEnter)
	d.WaitFor("the bad paste refused in place", func() bool { return m.pasteErr != "" }) // the flow keeps waiting
	if m.phase != phaseBrowser {
		t.Fatalf("phase %d after a bad paste, want still waiting", m.phase)
	}
	m.paste.SetValue(screentest.RedirectOf(t, m.Link()))
	d.Key(tea.KeyEnter)
	signedIn(t, d)
}

func TestEscCancelsAndLateResultsAreDropped(t *testing.T) {
	_, d, m := start(t, emulator.Options{}, Options{Browser: noBrowser})
	d.Key(tea.KeyEnter)
	d.WaitView("No browser could be opened here")
	old := m.attempt
	d.Key(tea.KeyEsc)
	if m.phase != phaseIdle || m.Link() != "" {
		t.Fatalf("esc left phase %d, link %q", m.phase, m.Link())
	}
	d.Send(finishedMsg{attempt: old, err: errors.New("late failure of the cancelled attempt")})
	if strings.Contains(m.View(), "late failure") {
		t.Fatal("a cancelled attempt's result was shown")
	}
	// An error of the current attempt shows in place; enter starts again.
	d.Key(tea.KeyEnter)
	d.WaitView("No browser could be opened here")
	d.Send(finishedMsg{attempt: m.attempt, err: errors.New("access_denied: the user said no")})
	d.WaitView("the user said no", "sign in with the browser")
	if !enabled(m, tea.KeyMsg{Type: tea.KeyEnter}) {
		t.Fatal("enter does not start again after an error")
	}
}

func TestDeviceCodeShowsTheCodeAndSignsIn(t *testing.T) {
	_, d, m := start(t, emulator.Options{DevicePollInterval: time.Second}, Options{Next: "orgs"})
	d.Type("d")
	d.WaitView("enter the code", "Waiting for the approval")
	code := m.device.UserCode
	if code == "" || !strings.Contains(m.View(), code) {
		t.Fatalf("the code %q is not shown:\n%s", code, m.View())
	}
	resp, err := http.Get(m.Link()) // approve on "another device"
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := signedIn(t, d); got.Next != "orgs" {
		t.Fatalf("next %q", got.Next)
	}
}

func TestOrganizationPickerChoosesOne(t *testing.T) {
	_, d, m := start(t, emulator.Options{OrganizationSelectionRequired: true}, Options{Browser: testBrowser(t)})
	d.Key(tea.KeyEnter)
	d.WaitView("Choose the one to sign in to", "acme (org_acme)")
	if !enabled(m, runes("j")) || enabled(m, runes("s")) {
		t.Fatal("the picker's keys are not the ones enabled")
	}
	d.Type("j")
	if m.cursor != 1 {
		t.Fatalf("cursor %d", m.cursor)
	}
	d.Key(tea.KeyEnter)
	signedIn(t, d)
}

func TestCopyWritesOSC52(t *testing.T) {
	var clip bytes.Buffer
	_, d, m := start(t, emulator.Options{}, Options{Browser: noBrowser, Clipboard: &clip})
	if enabled(m, runes("c")) {
		t.Fatal("c is offered before there is anything to copy")
	}
	d.Key(tea.KeyEnter)
	d.WaitView("No browser could be opened here")
	d.Type("c")
	d.WaitView("copied")
	if !strings.HasPrefix(clip.String(), "\x1b]52;") {
		t.Fatalf("clipboard got %q", clip.String())
	}
}

func TestInvitationNextOffersTheWayBack(t *testing.T) {
	_, d, m := start(t, emulator.Options{}, Options{Next: "invitation/inv-1", Browser: noBrowser})
	d.WaitView("You were invited", "back to the invitation")
	d.Type("v")
	open := d.WaitRoot("open", func(m tea.Msg) bool { _, ok := m.(common.OpenMsg); return ok }).(common.OpenMsg)
	if open.Route != "invitation/inv-1" {
		t.Fatalf("v opened %q", open.Route)
	}
	// Begin starts at once (the landing's s): straight to the browser's page.
	d.Run(m.Begin(true))
	d.WaitView("No browser could be opened here")
	if !strings.Contains(m.Link(), "screen_hint=sign-up") || enabled(m, runes("v")) {
		t.Fatalf("Begin(sign-up): link %q", m.Link())
	}

	_, _, plain := start(t, emulator.Options{}, Options{})
	if enabled(plain, runes("v")) || strings.Contains(plain.View(), "invited") {
		t.Fatal("v offered without an invitation to go back to")
	}
}

// "Sign in as someone else" asks AuthKit for its page even when the browser is signed in (prompt=login);
// enter reuses the browser's session.
func TestSignInAsSomeoneElseAsksForTheSignInPage(t *testing.T) {
	_, d, m := start(t, emulator.Options{}, Options{Browser: noBrowser})
	d.WaitView("sign in as someone else (the browser asks again)")
	d.Type("a")
	d.WaitView("No browser could be opened here")
	if link := m.Link(); !strings.Contains(link, "prompt=login") {
		t.Fatalf("URL %q, want prompt=login", link)
	}
	m.paste.SetValue(screentest.RedirectOf(t, m.Link()))
	d.Key(tea.KeyTab)
	d.Key(tea.KeyEnter)
	signedIn(t, d)

	_, d, m = start(t, emulator.Options{}, Options{Browser: noBrowser})
	d.Key(tea.KeyEnter)
	d.WaitView("No browser could be opened here")
	if strings.Contains(m.Link(), "prompt=") {
		t.Fatalf("enter asked for a new sign-in: %q", m.Link())
	}
}

// B3a after a device sign-in, when WorkOS refuses the selection grant to this keyless client: the choice
// is finished by a browser sign-in into the chosen organization, and the screen says why.
func TestDeviceSignInIntoOneOfSeveralOrganizationsEndsInTheBrowser(t *testing.T) {
	_, d, m := start(t, emulator.Options{OrganizationSelectionRequired: true, SelectionGrantNeedsSecret: true,
		DevicePollInterval: 250 * time.Millisecond}, Options{Browser: noBrowser})
	d.Type("d")
	d.WaitFor("the device code", func() bool { return m.phase == phaseDevice })
	res, err := http.Get(m.Link()) // approving on another device
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	d.WaitFor("the organization picker", func() bool { return m.phase == phasePickOrg })
	d.Key(tea.KeyDown)
	d.Key(tea.KeyEnter) // globex
	d.WaitView("A device code cannot name an organization", "No browser could be opened here")
	if link := m.Link(); !strings.Contains(link, "organization_id=org_globex") {
		t.Fatalf("browser sign-in %q, want it into org_globex", link)
	}
	m.paste.SetValue(screentest.RedirectOf(t, m.Link()))
	d.Key(tea.KeyTab)
	d.Key(tea.KeyEnter)
	signedIn(t, d)
}

// A browser sign-in that times out says why nothing came back and what else works, as the CLI does.
func TestTimeoutListsTheLikelyCauses(t *testing.T) {
	_, d, m := start(t, emulator.Options{}, Options{Browser: noBrowser})
	d.Key(tea.KeyEnter)
	d.WaitView("No browser could be opened here")
	d.Send(finishedMsg{attempt: m.attempt, err: &auth.CallbackTimeoutError{
		RedirectURI: "http://127.0.0.1:8765/callback", After: 5 * time.Minute}})
	d.WaitView("Nothing came back to", "not registered", "--callback-port", "paste", "device code")
}
