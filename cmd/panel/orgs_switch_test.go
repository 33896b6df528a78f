package main

import (
	"strings"
	"testing"

	"github.com/panel-dev/panel/emulator"
)

// paths lists the request log as "METHOD /path" in order.
func paths(reqs []logEntry) []string {
	out := make([]string, len(reqs))
	for i, r := range reqs {
		out[i] = r.Method + " " + r.Path
	}
	return out
}

// A switch by name lists organizations only when the name is not known
// locally; after that, and by external id or `-`, it is the refresh and then
// the organization with its default project: two round trips. Back to an
// organization whose token is stored and valid, there is no refresh: one
// round trip, in a new process too.
func TestOrgsSwitchResolvesLocallyAfterTheFirstList(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "alice@example.com")
	c.clearRequests()
	if out := c.ok("orgs", "switch", "globex"); !strings.Contains(out, "Switched to globex") {
		t.Fatalf("switch:\n%s", out)
	}
	first := paths(c.requests())
	if len(first) != 4 || first[0] != "GET /v1/account/organizations" || first[1] != "POST /user_management/authenticate" {
		t.Errorf("first switch (nothing known yet) = %v, want the list, the refresh, then two reads", first)
	}

	for _, query := range []string{"acme", "-", "org_acme"} {
		c.clearRequests()
		out, errOut, code := c.panel("", "orgs", "switch", query)
		if code != 0 || !strings.Contains(out, "Current project: default") {
			t.Fatalf("switch %s: exit %d\n%s%s", query, code, out, errOut)
		}
		got := paths(c.requests())
		joined := strings.Join(got, " ")
		if len(got) != 2 || strings.Contains(joined, "/user_management/authenticate") ||
			!strings.Contains(joined, "GET /v1/account/organization") || strings.Contains(joined, "/v1/account/organizations") {
			t.Errorf("switch %s = %v, want the organization and its project, no refresh (both tokens held)", query, got)
		}
	}
}

// An external id never seen locally is switched to as is; the default
// project comes from the project list read alongside the organization.
func TestOrgsSwitchByUnknownExternalIDReadsProjectsAlongside(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "alice@example.com")
	c.clearRequests()
	out, errOut, code := c.panel("", "orgs", "switch", "org_globex")
	if code != 0 || !strings.Contains(out, "Switched to globex (org_globex)") || !strings.Contains(out, "Current project: default") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	got := paths(c.requests())
	joined := strings.Join(got, " ")
	if len(got) != 3 || got[0] != "POST /user_management/authenticate" || !strings.Contains(joined, "GET /v1/projects") ||
		!strings.Contains(joined, "GET /v1/account/organization") {
		t.Errorf("requests = %v, want the refresh, then the organization and the project list", got)
	}
	for _, r := range c.requests() {
		if r.Path == "/v1/account/organization" && r.ProjectHeader != "" {
			t.Errorf("the organization read carried a project header %q", r.ProjectHeader)
		}
	}

	// Not the user's: WorkOS refuses, the server list confirms, no browser.
	_, errOut, code = c.panel("", "orgs", "switch", "org_umbrella")
	if code != 1 || !strings.Contains(errOut, "not one of yours") {
		t.Errorf("switch to another user's organization: exit %d\n%s", code, errOut)
	}
}

// An organization known locally that the user has left since is checked
// against the server before any browser sign-in, and forgotten.
func TestOrgsSwitchToAStaleKnownOrganization(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "alice@example.com")
	c.ok("orgs", "list")
	c.hook("memberships/remove", map[string]string{"email": "alice@example.com", "organization_id": "org_globex"})
	_, errOut, code := c.panel("", "orgs", "switch", "globex")
	if code != 1 || !strings.Contains(errOut, "not one of yours") {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	c.clearRequests()
	_, errOut, code = c.panel("", "orgs", "switch", "globex")
	if code != 1 || !strings.Contains(errOut, "no organization of yours matches") {
		t.Errorf("second try: exit %d\n%s", code, errOut)
	}
	for _, r := range c.requests() {
		if r.Path == "/user_management/authenticate" {
			t.Error("a forgotten organization was still tried")
		}
	}
}
