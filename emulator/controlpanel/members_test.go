package controlpanel_test

import (
	"net/http"
	"net/url"
	"testing"
)

// memberID finds the membership of email in a member list.
func memberID(t *testing.T, members []map[string]any, email string) string {
	t.Helper()
	for _, m := range members {
		if u, _ := m["user"].(map[string]any); u["email"] == email {
			return m["id"].(string)
		}
	}
	t.Fatalf("no member %s in %v", email, members)
	return ""
}

func TestListMembersPaginatesWithCount(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_acme")
	r := alice.get("/v1/organization_members", url.Values{"limit": {"1"}}).want(t, http.StatusOK)
	members := list(r.body["members"])
	if r.body["count"] != float64(2) || len(members) != 1 || r.body["limit"] != float64(1) {
		t.Fatalf("page %s", r.raw)
	}
	if _, ok := r.body["has_next"]; ok {
		t.Errorf("members have count, not has_next: %s", r.raw)
	}
	m := members[0]
	if m["role"] != "OWNER" || m["status"] != "ACTIVE" || m["organization"].(map[string]any)["external_id"] != "org_acme" {
		t.Errorf("member %v", m)
	}
	second := list(alice.get("/v1/organization_members", url.Values{"limit": {"1"}, "offset": {"1"}}).want(t, http.StatusOK).body["members"])
	if len(second) != 1 || second[0]["user"].(map[string]any)["email"] != "bob@example.com" {
		t.Errorf("second page %v", second)
	}
	if _, hasRole := second[0]["role"]; hasRole {
		t.Errorf("a member's role is the zero value, left out: %v", second[0])
	}
}

func TestListOwnMembershipsAcrossOrganizations(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "")
	profile := alice.get("/v1/account/profile", nil).want(t, http.StatusOK).object("user")
	q := url.Values{"user_id": {profile["id"].(string)}, "organization_statuses": {"ACTIVE", "DEACTIVATED"}}
	r := alice.get("/v1/organization_members", q).want(t, http.StatusOK)
	if r.body["count"] != float64(3) {
		t.Fatalf("alice's memberships %s", r.raw)
	}
	q.Set("organization_statuses", "DEACTIVATED")
	if r := alice.get("/v1/organization_members", q).want(t, http.StatusOK); r.body["count"] != float64(1) {
		t.Fatalf("deactivated memberships %s", r.raw)
	}
}

func TestRemoveMember(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_acme")
	bob := e.signIn("bob@example.com", "org_acme")
	members := list(alice.get("/v1/organization_members", nil).want(t, http.StatusOK).body["members"])
	bobID, aliceID := memberID(t, members, "bob@example.com"), memberID(t, members, "alice@example.com")

	bob.delete("/v1/organization_members/"+aliceID).wantError(t, http.StatusForbidden, "authorization_required", "")
	alice.delete("/v1/organization_members/"+aliceID).wantError(t, http.StatusBadRequest, "invalid_argument", "") // last owner

	removed := alice.delete("/v1/organization_members/"+bobID).want(t, http.StatusOK).object("member")
	if removed["status"] != "DELETED" || removed["id"] != bobID {
		t.Errorf("removed %v", removed)
	}
	// Bob's access to acme ends at once, even with the token he holds.
	bob.get("/v1/account/organization", nil).wantError(t, http.StatusForbidden, "authorization_required", "")
	bob.get("/v1/projects", nil).want(t, http.StatusForbidden)
	alice.delete("/v1/organization_members/"+bobID).want(t, http.StatusNotFound)
	if r := alice.get("/v1/organization_members", nil).want(t, http.StatusOK); r.body["count"] != float64(1) {
		t.Errorf("after removal %s", r.raw)
	}
}

func TestMemberLeavesTheOrganization(t *testing.T) {
	e := newEnv(t)
	bob := e.signIn("bob@example.com", "org_acme")
	members := list(bob.get("/v1/organization_members", nil).want(t, http.StatusOK).body["members"])
	bob.delete("/v1/organization_members/"+memberID(t, members, "bob@example.com")).want(t, http.StatusOK)
	bob.get("/v1/account/organization", nil).want(t, http.StatusForbidden)
}
