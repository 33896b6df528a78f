package app_test

import (
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/store"
)

// Each organization keeps its current project across switches (B29): web in
// acme, a switch to globex (its default), back to acme: web again, in the
// same two parallel reads as any switch (acme's token is held: no refresh).
func TestSwitchBackRestoresTheOrganizationsProject(t *testing.T) {
	e, web, globex := workingOnWeb(t)
	cx := ctx(t)
	res, err := e.app.SwitchOrganization(cx, globex, nil)
	if err != nil || res.Project == nil || res.Project.ID != globex.DefaultProjectID || res.ProjectGone != "" {
		t.Fatalf("first visit to globex: %+v %v (want its default project)", res, err)
	}
	e.clearRequests()
	back, err := e.app.SwitchPrevious(cx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if back.Organization.Name != "acme" || back.Project == nil || back.Project.ID != web.ID || back.ProjectGone != "" {
		t.Fatalf("back in acme: %+v, want project web", back)
	}
	if n := len(e.requests()); n != 2 {
		t.Errorf("switch back made %d requests, want 2 (organization, project; the token is held)", n)
	}
	if p, err := e.app.CurrentProject(cx); err != nil || p == nil || p.ID != web.ID {
		t.Errorf("current project after the switch back: %+v %v", p, err)
	}
	st, _ := e.app.Store.Load()
	if st.CurrentProject("org_acme") != web.ID || st.CurrentProject("org_globex") != globex.DefaultProjectID {
		t.Errorf("stored current projects = %v", st.CurrentProjects)
	}
}

// A remembered project that no longer exists gives the default, and the
// result names the lost one so the caller can say so.
func TestSwitchBackToAGoneProjectFallsBackToTheDefault(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	cx := ctx(t)
	if _, err := e.app.SwitchOrganization(cx, e.org("globex"), nil); err != nil {
		t.Fatal(err)
	}
	// While the user is in globex, acme's remembered project disappears.
	if err := e.app.Store.Update(func(st *store.State) { st.SetCurrentProject("org_acme", "prj_deleted") }); err != nil {
		t.Fatal(err)
	}
	acme := e.org("acme")
	back, err := e.app.SwitchOrganization(cx, acme, nil)
	if err != nil {
		t.Fatal(err)
	}
	if back.Project == nil || back.Project.ID != acme.DefaultProjectID || back.ProjectGone != "prj_deleted" {
		t.Fatalf("result = %+v, want acme's default and ProjectGone", back)
	}
	if st, _ := e.app.Store.Load(); st.CurrentProject("org_acme") != acme.DefaultProjectID {
		t.Errorf("stored = %v, want the default", st.CurrentProjects)
	}
	// A project of another organization is not this one's either.
	if _, err := e.app.SwitchOrganization(cx, e.org("globex"), nil); err != nil {
		t.Fatal(err)
	}
	globexDefault := e.org("globex").DefaultProjectID
	_ = e.app.Store.Update(func(st *store.State) { st.SetCurrentProject("org_acme", globexDefault) })
	back, err = e.app.SwitchOrganization(cx, acme, nil)
	if err != nil || back.Project == nil || back.Project.ID != acme.DefaultProjectID || back.ProjectGone != globexDefault {
		t.Fatalf("with another organization's project remembered: %+v %v", back, err)
	}
}

// A switch that lands between reading which organization the session is in
// and the API's answer must not store the new organization's default as the
// old one's current project: the answer names the organization it is for.
func TestProjectIsNotStoredForAnOrganizationTheSessionLeftMeanwhile(t *testing.T) {
	e, web, globex := workingOnWeb(t)
	cx := ctx(t)
	if _, err := e.app.SwitchOrganization(cx, globex, nil); err != nil {
		t.Fatal(err)
	}
	// Settled for acme, which the session has just left: the API answers for globex.
	if p, org, err := e.app.ProjectOf(cx, "org_acme"); err == nil {
		t.Fatalf("settled acme's project from globex's answer: %+v in %+v", p, org)
	}
	st, _ := e.app.Store.Load()
	if st.CurrentProject("org_acme") != web.ID {
		t.Errorf("acme's current project = %q, want web (%s) kept", st.CurrentProject("org_acme"), web.ID)
	}
	if p, err := e.app.CurrentProject(cx); err != nil || p == nil || p.ID != globex.DefaultProjectID {
		t.Errorf("current project in globex: %+v %v, want its default", p, err)
	}
}

// workingOnWeb signs alice in to acme with project web current, and gives
// globex to switch to.
func workingOnWeb(t *testing.T) (*env, *api.Project, api.Organization) {
	t.Helper()
	e := newEnv(t, startEmulator(t, emulator.Options{}), "alice@example.com")
	web, err := e.app.FindProject(ctx(t), "web")
	if err != nil {
		t.Fatal(err)
	}
	if err := e.app.UseProject("org_acme", web); err != nil {
		t.Fatal(err)
	}
	return e, web, e.org("globex")
}
