package controlpanel_test

import (
	"net/http"
	"net/url"
	"slices"
	"testing"
)

// umbrellaInvitation is the pending invitation umbrella sent alice in the demo seed.
func umbrellaInvitation(t *testing.T, alice *client) map[string]any {
	t.Helper()
	r := alice.get("/v1/account/organization_invitations", url.Values{"statuses": {"PENDING"}}).want(t, http.StatusOK)
	invs := list(r.body["invitations"])
	if r.body["count"] != float64(1) || len(invs) != 1 || invs[0]["organization"].(map[string]any)["name"] != "umbrella" {
		t.Fatalf("alice's pending invitations %s", r.raw)
	}
	return invs[0]
}

func TestAcceptInvitationCreatesTheMembership(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "")
	inv := umbrellaInvitation(t, alice)
	id := inv["id"].(string)
	alice.get("/v1/account/organization_invitations/"+id, nil).want(t, http.StatusOK)

	// No body at all: the spec's body is {}.
	accepted := alice.post("/v1/account/organization_invitations/"+id+"/accept", nil).want(t, http.StatusOK).object("invitation")
	if accepted["status"] != "ACCEPTED" {
		t.Fatalf("accepted %v", accepted)
	}
	orgs := names(list(alice.get("/v1/account/organizations", nil).want(t, http.StatusOK).body["organizations"]))
	if !slices.Contains(orgs, "umbrella") {
		t.Fatalf("alice's organizations after accepting %v", orgs)
	}
	// The new membership lets alice switch in.
	e.signIn("alice@example.com", "org_umbrella").get("/v1/account/organization", nil).want(t, http.StatusOK)
	alice.post("/v1/account/organization_invitations/"+id+"/accept", nil).wantError(t, http.StatusBadRequest, "invalid_argument", "")
}

func TestDeclineInvitationSetsRefused(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "")
	id := umbrellaInvitation(t, alice)["id"].(string)
	declined := alice.post("/v1/account/organization_invitations/"+id+"/decline", map[string]any{}).want(t, http.StatusOK).object("invitation")
	if declined["status"] != "REFUSED" {
		t.Fatalf("declined %v", declined)
	}
	if r := alice.get("/v1/account/organization_invitations", url.Values{"statuses": {"PENDING"}}).want(t, http.StatusOK); r.body["count"] != float64(0) {
		t.Errorf("still pending: %s", r.raw)
	}
	orgs := names(list(alice.get("/v1/account/organizations", nil).want(t, http.StatusOK).body["organizations"]))
	if slices.Contains(orgs, "umbrella") {
		t.Errorf("declining made a membership: %v", orgs)
	}
}

func TestSomeoneElsesInvitationIsNotFound(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "")
	id := umbrellaInvitation(t, alice)["id"].(string)
	carol := e.signIn("carol@example.com", "")
	carol.get("/v1/account/organization_invitations/"+id, nil).wantError(t, http.StatusNotFound, "not_found", "")
	carol.post("/v1/account/organization_invitations/"+id+"/accept", nil).want(t, http.StatusNotFound)
	carol.post("/v1/account/organization_invitations/"+id+"/decline", nil).want(t, http.StatusNotFound)
}

func TestInvitedUserCanListInvitationsWithUserID(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_acme")
	id := alice.get("/v1/account/profile", nil).want(t, http.StatusOK).object("user")["id"].(string)
	r := alice.get("/v1/organization_invitations", url.Values{"user_id": {id}}).want(t, http.StatusOK)
	if r.body["count"] != float64(1) {
		t.Fatalf("invitations to alice %s", r.raw)
	}
	alice.get("/v1/organization_invitations", url.Values{"user_id": {"user_someone_else"}}).wantField(t, "user_id")
}
