package app_test

import (
	"errors"
	"net/http"
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
)

func TestSwitchOrganization(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	cx := ctx(t)
	// Work in acme first, with a non-default current project.
	acmeProject, err := e.app.CurrentProject(cx)
	if err != nil || acmeProject == nil || acmeProject.Name != "default" {
		t.Fatalf("acme's current project: %+v %v", acmeProject, err)
	}
	globex := e.org("globex")
	e.clearRequests()

	var steps []app.SwitchStep
	res, err := e.app.SwitchOrganization(cx, globex, func(p app.SwitchProgress) {
		steps = append(steps, p.Step)
		if p.Step == app.SwitchTokenReady && p.Organization.Name != "globex" {
			t.Errorf("token-ready step shows %q", p.Organization.Name)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Organization.ExternalID != "org_globex" || res.Project == nil || res.Project.ID != globex.DefaultProjectID {
		t.Errorf("result = %+v", res)
	}
	if res.Previous != "org_acme" {
		t.Errorf("previous = %q", res.Previous)
	}
	if len(steps) != 2 || steps[0] != app.SwitchTokenReady || steps[1] != app.SwitchLoaded {
		t.Errorf("steps = %v", steps)
	}

	// The switch is one refresh and two API reads, in parallel.
	reqs := e.requests()
	var refreshes, reads int
	for _, r := range reqs {
		switch {
		case r.Path == "/user_management/authenticate":
			refreshes++
		case isAPI(r):
			reads++
		}
	}
	if refreshes != 1 || reads != 2 || len(reqs) != 3 {
		t.Errorf("switch made %d requests (%d refresh, %d API): %+v", len(reqs), refreshes, reads, reqs)
	}
	t.Logf("orgs switch: %d HTTP requests", len(reqs))

	st, _ := e.app.Store.Load()
	if st.CurrentProject("org_globex") != globex.DefaultProjectID || st.PreviousOrganization != "org_acme" ||
		len(st.RecentOrganizations) == 0 || st.RecentOrganizations[0] != "org_globex" {
		t.Errorf("store after switch = %+v", st)
	}
	if st.Last.Organization == nil || st.Last.Organization.Name != "globex" || st.Last.Project == nil {
		t.Errorf("last known = %+v", st.Last)
	}
	if e.app.API.Cache().Generation() == 0 {
		t.Error("the cache was not invalidated")
	}

	// Back with "-": previous is acme, whose default becomes current again.
	back, err := e.app.SwitchPrevious(cx, nil)
	if err != nil || back.Organization.Name != "acme" || back.Previous != "org_globex" {
		t.Fatalf("switch back: %+v %v", back, err)
	}
}

// No request ever carries a project of another organization than its
// token's, before, during or after a switch (the web panel's bug, B15).
func TestNoStaleProjectHeaderAfterASwitch(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	cx := ctx(t)
	if _, err := e.app.CurrentProject(cx); err != nil { // acme's default is now stored as current
		t.Fatal(err)
	}
	globexOrg := e.org("globex")
	e.clearRequests()
	if _, err := e.app.SwitchOrganization(cx, globexOrg, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := e.app.API.ListProjects(cx, api.ListProjectsParams{}); err != nil {
		t.Fatal(err)
	}
	acme, globex := e.projectIDs("org_acme"), e.projectIDs("org_globex")
	var withHeader int
	for _, r := range e.requests() {
		if acme[r.ProjectHeader] {
			t.Errorf("%s %s carried acme's project %s after the switch", r.Method, r.Path, r.ProjectHeader)
		}
		if r.Status == http.StatusBadRequest {
			t.Errorf("%s %s was refused: %+v", r.Method, r.Path, r)
		}
		if globex[r.ProjectHeader] {
			withHeader++
		}
	}
	if withHeader == 0 {
		t.Error("no request carried globex's current project after the switch")
	}
}

func TestSwitchRefusedAsksForABrowserSignIn(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	umbrella, _ := srv.State().Organization("org_umbrella") // alice is not a member
	_, err := e.app.SwitchOrganization(ctx(t), api.Organization{ID: umbrella.ID, ExternalID: "org_umbrella", Name: "umbrella"}, nil)
	var refused *app.SwitchRefusedError
	var oauth *auth.RefusedError
	if !errors.As(err, &refused) || !errors.As(err, &oauth) {
		t.Fatalf("err = %v, want a refusal", err)
	}
	if refused.Organization.ExternalID != "org_umbrella" {
		t.Errorf("refusal names %+v", refused.Organization)
	}
	if in, err := e.app.Session.Info(ctx(t)); err != nil || in.OrganizationID != "org_acme" {
		t.Errorf("session after a refused switch: %+v %v", in, err)
	}
}

func TestSwitchIntoADeactivatedOrganization(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	res, err := e.app.SwitchOrganization(ctx(t), e.org("initech"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Deactivated || res.Organization.Name != "initech" || res.Project != nil {
		t.Errorf("result = %+v", res)
	}
}
