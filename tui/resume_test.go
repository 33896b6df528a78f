package tui

import (
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/screens/members"
)

// In globex, the session is revoked; signing in again lands in globex on the
// same screen (B28), with nothing announced.
func TestSignInAfterARevocationLandsInTheSameOrganization(t *testing.T) {
	e, d := startSignedIn(t)
	d.Send(common.SwitchOrgMsg{Org: api.Organization{ExternalID: "org_globex", Name: "globex"}})
	d.WaitView("org globex", "Switched to globex")
	d.Press("m")
	d.WaitFor("members", func() bool { return d.route() == string(members.Route) })
	e.hook("/_emulator/sessions/revoke", map[string]string{"email": "alice@example.com"})
	d.checkNow()
	d.WaitView("Your session was revoked", "Signing in to organization globex.")
	d.Press("enter")
	d.WaitFor("back on members", func() bool { return d.route() == string(members.Route) && d.m.auth == authSignedIn })
	d.WaitView("org globex")
	if d.m.ctx.Org == nil || d.m.ctx.Org.ExternalID != "org_globex" || d.m.header.WasOrg != "" {
		t.Fatalf("after signing in again: org %+v, was %q", d.m.ctx.Org, d.m.header.WasOrg)
	}
}

// The user lost globex meanwhile: WorkOS refuses it, the sign-in goes on
// without it, and the change is told in the header and the status line.
func TestSignInAfterARevocationOutOfALostOrganizationSaysSo(t *testing.T) {
	e, d := startSignedIn(t)
	d.Send(common.SwitchOrgMsg{Org: api.Organization{ExternalID: "org_globex", Name: "globex"}})
	d.WaitView("org globex", "Switched to globex")
	e.hook("/_emulator/sessions/revoke", map[string]string{"email": "alice@example.com"})
	e.hook("/_emulator/memberships/remove", map[string]string{"email": "alice@example.com", "organization_id": "org_globex"})
	d.checkNow()
	d.WaitView("Your session was revoked", "Signing in to organization globex.")
	d.Press("enter")
	d.WaitView("org acme (was globex)", "Now in acme, was globex.")
	d.Send(common.SwitchOrgMsg{Org: api.Organization{ExternalID: "org_initech", Name: "initech"}})
	d.WaitView("org initech", "Switched to initech")
	if d.m.header.WasOrg != "" {
		t.Fatalf("the header still says was %q after the user's own switch", d.m.header.WasOrg)
	}
}
