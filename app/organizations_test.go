package app_test

import (
	"strings"
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/emulator"
)

func TestAcceptInvitationSwitchesIntoItsOrganization(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	received, err := e.app.API.ListUserOrganizationInvitations(ctx(t), api.ListUserOrganizationInvitationsParams{
		Statuses: []api.InvitationStatus{api.InvitationPending}})
	if err != nil || len(received.Invitations) != 1 {
		t.Fatalf("received: %+v %v", received, err)
	}
	inv, res, err := e.app.AcceptInvitation(ctx(t), received.Invitations[0].ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if inv.Status != api.InvitationAccepted || res.Organization.Name != "umbrella" || res.Project == nil {
		t.Errorf("accepted %+v, landed in %+v", inv, res)
	}
	// Accepting it again is refused by the API, shown as such.
	if _, _, err := e.app.AcceptInvitation(ctx(t), inv.ID, nil); err == nil {
		t.Error("accepting an accepted invitation succeeded")
	}
}

func TestCreateOrganizationChecksTheNameThenSwitches(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	e.clearRequests()
	for _, bad := range []string{"", strings.Repeat("a", 40), "Acme", "ac_me", "-acme", "acme-", "ac--me"} {
		if _, _, err := e.app.CreateOrganization(ctx(t), bad, nil); err == nil {
			t.Errorf("name %q accepted", bad)
		}
	}
	if n := len(e.requests()); n != 0 {
		t.Errorf("%d requests for invalid names, want none", n)
	}
	org, res, err := e.app.CreateOrganization(ctx(t), "hooli", nil)
	if err != nil {
		t.Fatal(err)
	}
	if org.Name != "hooli" || res.Organization.ExternalID != org.ExternalID {
		t.Errorf("created %+v, landed in %+v", org, res.Organization)
	}
	// A name the API refuses (taken) comes back with its field.
	_, _, err = e.app.CreateOrganization(ctx(t), "hooli", nil)
	var ae *api.Error
	if !api.IsValidation(err) || !asAPIError(err, &ae) || len(ae.Fields) == 0 {
		t.Errorf("duplicate name: %v", err)
	}
}

func TestLeaveOrganizationGoesToAnotherOne(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "bob@example.com") // a member of acme, the owner of umbrella
	if in, _ := e.app.Session.Info(ctx(t)); in.OrganizationID != "org_acme" {
		t.Fatalf("bob starts in %s", in.OrganizationID)
	}
	res, err := e.app.LeaveOrganization(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	if res.Left.Name != "acme" || res.SwitchedTo == nil || res.SwitchedTo.Organization.Name != "umbrella" {
		t.Errorf("leave = %+v", res)
	}
	if _, ok := srv.State().MembershipOf(mustUser(t, srv, "bob@example.com"), "org_acme"); ok {
		t.Error("still a member of acme")
	}
	st, _ := e.app.Store.Load()
	if st.CurrentProject("org_acme") != "" {
		t.Errorf("acme not forgotten: %+v", st)
	}
}

func TestLeavingTheLastOrganizationSignsOut(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	alice := newEnv(t, srv, "alice@example.com")
	if _, err := alice.app.API.CreateOrganizationInvitation(ctx(t), "carol@example.com"); err != nil {
		t.Fatal(err)
	}
	carol := newEnv(t, srv, "carol@example.com")
	received, err := carol.app.API.ListUserOrganizationInvitations(ctx(t), api.ListUserOrganizationInvitationsParams{})
	if err != nil || len(received.Invitations) != 1 {
		t.Fatalf("carol's invitations: %+v %v", received, err)
	}
	if _, _, err := carol.app.AcceptInvitation(ctx(t), received.Invitations[0].ID, nil); err != nil {
		t.Fatal(err)
	}
	res, err := carol.app.LeaveOrganization(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	if !res.SignedOut || res.Left.Name != "acme" {
		t.Errorf("leave = %+v, want signed out of acme", res)
	}
}

func TestNormalizeEmails(t *testing.T) {
	valid, invalid := app.NormalizeEmails([]string{"  Carol@Example.com ", "carol@example.com", "", "nope", "a@b", "dave@example.org"})
	if strings.Join(valid, ",") != "carol@example.com,dave@example.org" {
		t.Errorf("valid = %v", valid)
	}
	if len(invalid) != 2 || invalid[0].Input != "nope" || invalid[1].Input != "a@b" {
		t.Errorf("invalid = %+v", invalid)
	}
}
