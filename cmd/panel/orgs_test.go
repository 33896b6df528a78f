package main

import (
	"strings"
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/seed"
)

func TestOrgsListSwitchAndBack(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "alice@example.com")
	var orgs []api.Organization
	c.okJSON(&orgs, "orgs", "list")
	if len(orgs) != 3 {
		t.Fatalf("orgs = %+v", orgs)
	}
	table := c.ok("orgs", "list")
	if !markedCurrent(table, "acme") || !strings.Contains(table, "initech\torg_initech\tDEACTIVATED\t") {
		t.Errorf("table:\n%s", table)
	}
	c.okJSON(&orgs, "orgs", "list", "--status", "DEACTIVATED")
	if len(orgs) != 1 || orgs[0].Name != "initech" {
		t.Errorf("--status DEACTIVATED = %+v", orgs)
	}
	c.okJSON(&orgs, "orgs", "list", "--search", "glob")
	if len(orgs) != 1 || orgs[0].Name != "globex" {
		t.Errorf("--search glob = %+v", orgs)
	}

	c.clearRequests()
	out := c.ok("orgs", "switch", "glbx") // fuzzy
	if !strings.Contains(out, "Switched to globex (org_globex)") || !strings.Contains(out, "Current project: default") {
		t.Errorf("switch:\n%s", out)
	}
	reqs := c.requests()
	t.Logf("`panel orgs switch glbx`: %d HTTP requests: %v", len(reqs), reqs)
	// `orgs list` left the whole list locally: no list request, refresh then the two reads.
	if len(reqs) != 3 || reqs[0].Path != "/user_management/authenticate" {
		t.Errorf("orgs switch made %d requests, want 3 (refresh, then organization and project)", len(reqs))
	}
	var st struct {
		Organization api.Organization
		Project      api.Project
	}
	c.okJSON(&st, "status")
	if st.Organization.Name != "globex" || st.Project.Name != "default" {
		t.Errorf("status after switch = %+v", st)
	}
	var back struct {
		Organization api.Organization `json:"organization"`
		Project      *api.Project     `json:"project"`
	}
	c.okJSON(&back, "orgs", "switch", "-")
	if back.Organization.Name != "acme" || back.Project == nil {
		t.Errorf("switch - = %+v", back)
	}
	if out := c.ok("orgs", "switch", "org_initech"); !strings.Contains(out, "deactivated") {
		t.Errorf("switch to a deactivated org:\n%s", out)
	}
}

func TestOrgsSwitchAmbiguousAndUnknown(t *testing.T) {
	c := signedIn(t, emulator.Options{Seed: seed.Generate(3)}, "alice@example.com")
	_, errOut, code := c.panel("", "orgs", "switch", "bench")
	if code != 1 || !strings.Contains(errOut, "matches several") || !strings.Contains(errOut, "org_bench_00002") {
		t.Errorf("ambiguous, no terminal: exit %d\n%s", code, errOut)
	}
	c.terminal = true
	out, errOut, code := c.panel("2\n", "orgs", "switch", "bench")
	if code != 0 || !strings.Contains(out, "Switched to bench-") {
		t.Errorf("ambiguous on a terminal: exit %d\n%s%s", code, out, errOut)
	}
	c.terminal = false
	_, errOut, code = c.panel("", "orgs", "switch", "umbrella") // not alice's
	if code != 1 || !strings.Contains(errOut, "no organization of yours matches") {
		t.Errorf("unknown: exit %d\n%s", code, errOut)
	}
}

func TestOrgsCreate(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "alice@example.com")
	c.clearRequests()
	for _, bad := range []string{strings.Repeat("a", 40), "Hooli", "hoo li", "-hooli", "hooli-", "hoo--li"} {
		if _, errOut, code := c.panel("", "orgs", "create", "--", bad); code != 1 || !strings.Contains(errOut, "invalid organization name") {
			t.Errorf("create %q: exit %d %s", bad, code, errOut)
		}
	}
	if n := len(c.requests()); n != 0 {
		t.Errorf("invalid names sent %d requests", n)
	}
	out := c.ok("orgs", "create", "hooli")
	if !strings.Contains(out, "Created organization hooli") || !strings.Contains(out, "Switched to hooli") {
		t.Errorf("create:\n%s", out)
	}
	_, errOut, code := c.panel("", "orgs", "create", "hooli")
	if code != 1 || !strings.Contains(errOut, "name:") {
		t.Errorf("duplicate: exit %d\n%s", code, errOut)
	}
}
