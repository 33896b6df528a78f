package main

import (
	"strings"
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/store"
)

func TestProjectsListAndUse(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "alice@example.com")
	var projects []api.Project
	c.okJSON(&projects, "projects", "list")
	if len(projects) != 3 {
		t.Fatalf("projects = %+v", projects)
	}
	for _, p := range projects {
		if p.ServiceCount == 0 {
			t.Errorf("service_count lost: %+v", p)
		}
	}
	table := c.ok("projects", "list")
	if !markedCurrent(table, "default") || !strings.Contains(table, "\t3\tdefault\t") {
		t.Errorf("table:\n%s", table)
	}
	out := c.ok("projects", "use", "web")
	if !strings.Contains(out, "Current project: web") {
		t.Errorf("use:\n%s", out)
	}
	var web api.Project
	for _, p := range projects {
		if p.Name == "web" {
			web = p
		}
	}
	c.clearRequests()
	table = c.ok("projects", "list")
	if !markedCurrent(table, "web") {
		t.Errorf("web not marked current:\n%s", table)
	}
	for _, r := range c.requests() {
		if strings.HasPrefix(r.Path, "/v1/") && r.ProjectHeader != web.ID {
			t.Errorf("%s %s carried project %q, want web's", r.Method, r.Path, r.ProjectHeader)
		}
	}
	if _, errOut, code := c.panel("", "projects", "use", "nope-nothing"); code != 1 || !strings.Contains(errOut, "no project matches") {
		t.Errorf("unknown project: exit %d %s", code, errOut)
	}
}

// A stored project that is gone or of another organization is replaced by the default (B17).
func TestProjectsStaleCurrentProjectIsReplaced(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "alice@example.com")
	var globexProject string
	for _, p := range c.srv.State().Projects("org_globex") {
		globexProject = p.ID
	}
	for _, stale := range []string{globexProject, "0b0e7c1e-0000-4000-8000-000000000000"} {
		st := store.Open(c.dir+"/profiles/default", nil)
		if err := st.Update(func(s *store.State) { s.SetCurrentProject("org_acme", stale) }); err != nil {
			t.Fatal(err)
		}
		table := c.ok("projects", "list")
		if !markedCurrent(table, "default") {
			t.Errorf("stale %s: default not current:\n%s", stale, table)
		}
		acme, _ := c.srv.State().Organization("org_acme")
		if got := st.CurrentProject("org_acme"); got != acme.DefaultProjectID {
			t.Errorf("stored current project = %q, want acme's default", got)
		}
	}
}

// --organization-id works in another organization for this process only (B16).
func TestOrganizationIDFlagIsForThisProcessOnly(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "alice@example.com")
	var projects []api.Project
	c.okJSON(&projects, "--organization-id", "org_globex", "projects", "list")
	globex, _ := c.srv.State().Organization("org_globex")
	if len(projects) != 2 || projects[0].OrganizationID != globex.ID {
		t.Errorf("projects in globex = %+v", projects)
	}
	var st struct{ Organization api.Organization }
	c.okJSON(&st, "status")
	if st.Organization.Name != "acme" {
		t.Errorf("the stored organization moved to %s", st.Organization.Name)
	}
	_, errOut, code := c.panel("", "--organization-id", "org_umbrella", "projects", "list")
	if code == 0 || !strings.Contains(errOut, "organization_membership_not_found") {
		t.Errorf("an organization of someone else: exit %d %s", code, errOut)
	}
}
