package tui

import (
	"testing"

	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/store"
	"github.com/panel-dev/panel/tui/common"
)

func TestSwitchThenPreviousKey(t *testing.T) {
	_, d := startSignedIn(t)
	d.WaitView("org acme")
	before := d.m.ctx.Generation()

	d.Send(common.SwitchOrgMsg{Org: api.Organization{ExternalID: "org_globex", Name: "globex"}})
	d.WaitView("org globex", "Switched to globex")
	if d.m.ctx.Generation() == before {
		t.Fatal("the switch did not start a new generation")
	}
	if d.m.ctx.Org.ExternalID != "org_globex" || d.m.ctx.Project == nil {
		t.Fatalf("context after the switch: org %+v project %+v", d.m.ctx.Org, d.m.ctx.Project)
	}

	d.Press("-")
	d.WaitView("org acme", "Switched to acme")
	if d.m.LastSwitch <= 0 {
		t.Fatal("the switch duration was not measured")
	}
}

func TestSwitchIntoDeactivatedOrgShowsTheMarker(t *testing.T) {
	_, d := startSignedIn(t)
	d.Send(common.SwitchOrgMsg{Org: api.Organization{ExternalID: "org_initech", Name: "initech"}})
	d.WaitView("org initech [DEACTIVATED]", "deactivated")
}

func TestNoOrganizationLandsOnOnboardingAndCreateSwitches(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	deps := e.deps()
	deps.SignInEmail = "carol@example.com" // in no organization in the demo seed
	d := startModel(t, deps)
	d.WaitView("Sign in to panel")
	d.Press("enter")
	d.WaitView("Welcome to panel", "not a member of any organization")
	if d.route() != "onboarding" {
		t.Fatalf("route %q, want onboarding", d.route())
	}
	d.Press("n", "Bad--Name")
	d.WaitView("uppercase letter")
	for range len("Bad--Name") {
		d.Send(tea.KeyMsg{Type: tea.KeyBackspace})
	}
	d.Press("acme") // taken: the API's field error shows under the input
	d.Press("enter")
	d.WaitView("is already taken")
	for range len("acme") {
		d.Send(tea.KeyMsg{Type: tea.KeyBackspace})
	}
	d.Press("carol-team", "enter")
	d.WaitView("org carol-team", "Switched to carol-team")
	d.WaitFor("home", func() bool { return d.route() == "home" })
}

func TestRefreshTimerRenewsTheToken(t *testing.T) {
	e := newEnv(t, emulator.Options{AccessTokenTTL: 12 * time.Second})
	d := startModel(t, e.deps())
	d.signIn()
	d.WaitFor("the token's expiry", func() bool { return !d.m.ctx.SessionInfo.ExpiresAt.IsZero() })
	first := d.m.ctx.SessionInfo.ExpiresAt
	// 10 s before a 12 s token expires: about 2 s from now.
	d.WaitFor("a refreshed token", func() bool { return d.m.ctx.SessionInfo.ExpiresAt.After(first) })
}

func TestOnboardingAcceptSwitchesIntoTheOrganization(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	alice, _ := e.srv.State().UserByEmail("alice@example.com")
	if _, err := e.srv.State().CreateInvitation("org_acme", alice.ID, "carol@example.com", "member"); err != nil {
		t.Fatal(err)
	}
	deps := e.deps()
	deps.SignInEmail = "carol@example.com"
	d := startModel(t, deps)
	d.WaitView("Sign in to panel")
	d.Press("enter")
	d.WaitView("Welcome to panel", "acme")
	d.Press("a")
	d.WaitView("org acme", "Switched to acme")
	d.WaitFor("home", func() bool { return d.route() == "home" })
}

// Each organization keeps its current project (B29): web chosen in acme's
// projects screen, a switch to globex, `-` back: acme's project is web again;
// when it is gone, the default, and the status line says so.
func TestSwitchBackRestoresTheProject(t *testing.T) {
	_, d := startSignedIn(t)
	d.Press("p")
	d.WaitView("web", "data")
	d.Press("/web", "enter", "enter")
	d.WaitView("project web")
	d.Send(common.SwitchOrgMsg{Org: api.Organization{ExternalID: "org_globex", Name: "globex"}})
	d.WaitView("org globex", "project default", "Switched to globex")
	d.Press("-")
	d.WaitView("org acme", "project web", "Switched to acme")
	if d.m.ctx.Project == nil || d.m.ctx.Project.Name != "web" {
		t.Fatalf("project after the switch back: %+v", d.m.ctx.Project)
	}

	d.Press("-")
	d.WaitView("org globex", "Switched to globex")
	if err := d.m.deps.App.Store.Update(func(s *store.State) { s.SetCurrentProject("org_acme", "prj_deleted") }); err != nil {
		t.Fatal(err)
	}
	d.Press("-")
	d.WaitView("org acme", "project default", "Its last project is gone: now on default.")
}
