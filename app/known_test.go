package app_test

import (
	"net/http"
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/emulator"
)

// A switch into an organization known by its external id only reads the
// project list alongside the organization and picks the default from it:
// still the refresh and one parallel read.
func TestSwitchByExternalIDOnlyPicksTheDefaultFromTheProjectList(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	cx := ctx(t)
	want := e.org("globex").DefaultProjectID
	e.clearRequests()
	res, err := e.app.SwitchOrganization(cx, api.Organization{ExternalID: "org_globex"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Organization.Name != "globex" || res.Project == nil || res.Project.ID != want {
		t.Fatalf("result = %+v", res)
	}
	reqs := e.requests()
	if len(reqs) != 3 || reqs[0].Path != "/user_management/authenticate" {
		t.Fatalf("requests = %+v, want the refresh then two reads", reqs)
	}
	var list bool
	for _, r := range reqs[1:] {
		list = list || (r.Method == http.MethodGet && r.Path == "/v1/projects")
	}
	if !list {
		t.Errorf("no project list read alongside: %+v", reqs)
	}
	if st, _ := e.app.Store.Load(); st.CurrentProject("org_globex") != want {
		t.Errorf("current project of globex = %q, want the default %q", st.CurrentProject("org_globex"), want)
	}
}

// Organizations the app saw (a check, a switch) are known locally, so `-`
// goes back without listing organizations; signing out forgets them.
func TestKnownOrganizationsServeSwitchBackAndAreForgottenAtSignOut(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	cx := ctx(t)
	if _, err := e.app.CheckSession(cx); err != nil {
		t.Fatal(err)
	}
	if o, ok := e.app.KnownOrganization("acme"); !ok || o.ExternalID != "org_acme" || o.DefaultProjectID == "" {
		t.Fatalf("acme known = %+v %v", o, ok)
	}
	if _, err := e.app.SwitchOrganization(cx, api.Organization{ExternalID: "org_globex"}, nil); err != nil {
		t.Fatal(err)
	}
	e.clearRequests()
	back, err := e.app.SwitchPrevious(cx, nil)
	if err != nil || back.Organization.Name != "acme" || back.Project == nil {
		t.Fatalf("switch back = %+v %v", back, err)
	}
	for _, r := range e.requests() {
		if r.Path == "/v1/account/organizations" {
			t.Errorf("switching back listed organizations: %+v", e.requests())
		}
	}
	if _, err := e.app.SignOut(cx); err != nil {
		t.Fatal(err)
	}
	if orgs, _ := e.app.KnownOrganizations(); len(orgs) != 0 {
		t.Errorf("known after sign-out: %+v", orgs)
	}
}

// `-` into an organization known locally that the user has left since is an
// error saying so, not a browser sign-in.
func TestSwitchBackToALeftOrganization(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	cx := ctx(t)
	if _, err := e.app.CheckSession(cx); err != nil {
		t.Fatal(err)
	}
	if _, err := e.app.SwitchOrganization(cx, e.org("globex"), nil); err != nil {
		t.Fatal(err)
	}
	e.hook(http.MethodPost, "memberships/remove", map[string]string{"email": "alice@example.com", "organization_id": "org_acme"})
	if _, err := e.app.SwitchPrevious(cx, nil); err == nil || err.Error() != "organization org_acme is not one of yours" {
		t.Fatalf("switch back = %v", err)
	}
	if _, ok := e.app.KnownOrganization("org_acme"); ok {
		t.Error("the left organization is still known")
	}
}
