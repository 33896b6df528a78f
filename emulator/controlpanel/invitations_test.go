package controlpanel_test

import (
	"net/http"
	"net/url"
	"slices"
	"testing"
)

func emails(items []map[string]any) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		s, _ := it["email"].(string)
		out = append(out, s)
	}
	return out
}

func TestListSentInvitations(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_acme")
	all := alice.get("/v1/organization_invitations", nil).want(t, http.StatusOK)
	if all.body["count"] != float64(2) || !slices.Equal(emails(list(all.body["invitations"])), []string{"dave@example.com", "erin@example.com"}) {
		t.Fatalf("invitations %s", all.raw)
	}
	pending := alice.get("/v1/organization_invitations", url.Values{"statuses": {"PENDING"}}).want(t, http.StatusOK)
	invs := list(pending.body["invitations"])
	if pending.body["count"] != float64(1) || invs[0]["status"] != "PENDING" || invs[0]["inviter"].(map[string]any)["email"] != "alice@example.com" {
		t.Fatalf("pending %s", pending.raw)
	}
	both := alice.get("/v1/organization_invitations", url.Values{"statuses": {"PENDING", "EXPIRED"}}).want(t, http.StatusOK)
	if both.body["count"] != float64(2) {
		t.Errorf("PENDING+EXPIRED %s", both.raw)
	}
	alice.offContract(http.MethodGet, "/v1/organization_invitations?limit=500").wantField(t, "limit")
}

func TestInvitationLifecycle(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_acme")
	inv := alice.post("/v1/organization_invitations", map[string]string{"email": "carol@example.com"}).want(t, http.StatusOK).object("invitation")
	if inv["status"] != "PENDING" || inv["email"] != "carol@example.com" || inv["invitee"].(map[string]any)["email"] != "carol@example.com" {
		t.Fatalf("created %v", inv)
	}
	id := inv["id"].(string)
	alice.get("/v1/organization_invitations/"+id, nil).want(t, http.StatusOK)
	resent := alice.post("/v1/organization_invitations/"+id+"/resend", nil).want(t, http.StatusOK).object("invitation")
	if resent["status"] != "PENDING" {
		t.Errorf("resent %v", resent)
	}
	if r := alice.delete("/v1/organization_invitations/"+id).want(t, http.StatusOK); string(r.raw) != "{}\n" {
		t.Errorf("delete reply %q, want {}", r.raw)
	}
	alice.get("/v1/organization_invitations/"+id, nil).wantError(t, http.StatusNotFound, "not_found", "")
}

func TestResendExpiredInvitation(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_acme")
	expired := list(alice.get("/v1/organization_invitations", url.Values{"statuses": {"EXPIRED"}}).want(t, http.StatusOK).body["invitations"])
	resent := alice.post("/v1/organization_invitations/"+expired[0]["id"].(string)+"/resend", map[string]any{}).want(t, http.StatusOK).object("invitation")
	if resent["status"] != "PENDING" {
		t.Errorf("resent %v", resent)
	}
}

func TestCreateInvitationValidates(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_acme")
	for _, email := range []string{"", "not-an-email", "bob@example.com" /* a member */, "dave@example.com" /* pending */} {
		alice.post("/v1/organization_invitations", map[string]string{"email": email}).wantField(t, "email")
	}
}

func TestInvitationsOfAnotherOrganizationAreNotVisible(t *testing.T) {
	e := newEnv(t)
	bob := e.signIn("bob@example.com", "org_umbrella")
	toAlice := list(bob.get("/v1/organization_invitations", nil).want(t, http.StatusOK).body["invitations"])[0]["id"].(string)
	alice := e.signIn("alice@example.com", "org_acme")
	alice.get("/v1/organization_invitations/"+toAlice, nil).want(t, http.StatusNotFound)
	alice.delete("/v1/organization_invitations/"+toAlice).want(t, http.StatusNotFound)
	alice.post("/v1/organization_invitations/"+toAlice+"/resend", nil).want(t, http.StatusNotFound)
}
