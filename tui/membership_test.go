package tui

import (
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/tui/common"
)

// A lost membership seen by the periodic session check: the user stays signed in, the status line says
// so, and the TUI moves to the previous organization. (A revoked session, through the same decision:
// TestRevokedDuringAScreenSignsInAndComesBack.)
func TestLostMembershipKeepsTheUserSignedIn(t *testing.T) {
	e, d := startSignedIn(t)
	d.WaitView("org acme")
	d.Send(common.SwitchOrgMsg{Org: api.Organization{ExternalID: "org_globex", Name: "globex"}})
	d.WaitView("org globex", "Switched to globex")

	e.hook("/_emulator/memberships/remove", map[string]string{"email": "alice@example.com", "organization_id": "org_globex"})
	d.checkNow()
	d.WaitView("no longer a member of globex", "org acme")
	if d.m.auth != authSignedIn {
		t.Fatal("signed out for a lost membership")
	}
}

// The same on start: a session whose organization is gone passes the gate into the previous one.
func TestLostMembershipOnStartLandsInAnotherOrganization(t *testing.T) {
	e, d := startSignedIn(t)
	d.Send(common.SwitchOrgMsg{Org: api.Organization{ExternalID: "org_globex", Name: "globex"}})
	d.WaitView("org globex", "Switched to globex")
	e.hook("/_emulator/memberships/remove", map[string]string{"email": "alice@example.com", "organization_id": "org_globex"})

	next := startModel(t, e.deps())
	next.WaitView("no longer a member of globex", "org acme")
	next.WaitFor("the gate to pass", func() bool { return next.m.auth == authSignedIn })
}

// A 403 right after a switch: back where the user was, signed in, told why.
func TestSwitchIntoALostMembershipStaysSignedIn(t *testing.T) {
	e, d := startSignedIn(t)
	// The start's project lookup reads the organization too: the one 403 is for the switch's read only.
	d.WaitView("org acme", "project default")
	e.hook("/_emulator/faults", map[string]any{"method": "GET", "path": "/v1/account/organization", "status": 403,
		"body": `{"status":403,"code":"forbidden","message":"You are not a member of this organization"}`, "count": 1})
	d.Send(common.SwitchOrgMsg{Org: api.Organization{ExternalID: "org_globex", Name: "globex"}})
	d.WaitView("no longer a member of globex", "org acme")
	if d.m.auth != authSignedIn {
		t.Fatal("signed out for a lost membership")
	}
}
