package main

import (
	"strings"
	"testing"

	"github.com/panel-dev/panel/emulator"
)

// The real binary, a revoked session in globex: `panel login` asks for globex
// (organization_id on the authorize URL) and lands there (B28); so does
// `login --force`; after `logout` the next sign-in names none.
func TestLoginAfterARevocationLandsInTheSameOrganization(t *testing.T) {
	e := newTestEnv(t, emulator.Options{})
	env := e.environ()
	e.mustRun("login", "--email", "alice@example.com")
	e.mustRun("orgs", "switch", "globex")
	e.hook("sessions/revoke", map[string]string{"email": "alice@example.com"})
	if _, errOut, code := e.run(env, "", "status"); code != 4 {
		t.Fatalf("status after the revocation exited %d:\n%s", code, errOut)
	}

	_, errOut := e.mustRun("login", "--email", "alice@example.com")
	if !strings.Contains(errOut, "Signing in to globex (org_globex), the organization you were in.") ||
		!strings.Contains(errOut, "in organization org_globex.") || strings.Contains(errOut, "Now in") {
		t.Fatalf("login after the revocation:\n%s", errOut)
	}
	if q := e.authorizeQueries(); q[len(q)-1].Get("organization_id") != "org_globex" {
		t.Fatalf("the sign-in asked for %v, want organization_id org_globex", q[len(q)-1])
	}
	if out, _ := e.mustRun("status"); !strings.Contains(out, "globex") {
		t.Fatalf("status after signing in again:\n%s", out)
	}

	_, errOut = e.mustRun("login", "--force")
	if q := e.authorizeQueries(); q[len(q)-1].Get("organization_id") != "org_globex" || !strings.Contains(errOut, "in organization org_globex.") {
		t.Fatalf("login --force asked for %v:\n%s", q[len(q)-1], errOut)
	}

	e.mustRun("logout")
	_, errOut = e.mustRun("login", "--email", "alice@example.com")
	if q := e.authorizeQueries(); q[len(q)-1].Get("organization_id") != "" || strings.Contains(errOut, "the organization you were in") {
		t.Fatalf("login after a sign-out asked for %v:\n%s", q[len(q)-1], errOut)
	}
}

// Revoked in globex, then removed from it: WorkOS refuses the organization,
// panel signs in without it and says where the user is now.
func TestLoginIntoALostOrganizationSaysWhereTheUserLanded(t *testing.T) {
	e := newTestEnv(t, emulator.Options{})
	e.mustRun("login", "--email", "alice@example.com")
	e.mustRun("orgs", "switch", "globex")
	e.hook("sessions/revoke", map[string]string{"email": "alice@example.com"})
	e.hook("memberships/remove", map[string]string{"email": "alice@example.com", "organization_id": "org_globex"})
	e.run(e.environ(), "", "status") // notices the revocation

	_, errOut := e.mustRun("login", "--email", "alice@example.com")
	for _, want := range []string{"globex (org_globex) refused the sign-in", "Signing in without it.",
		"in organization org_acme.", "Now in org_acme, was globex."} {
		if !strings.Contains(errOut, want) {
			t.Fatalf("login into a lost organization does not say %q:\n%s", want, errOut)
		}
	}
}
