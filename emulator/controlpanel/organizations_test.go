package controlpanel_test

import (
	"net/http"
	"net/url"
	"slices"
	"testing"
)

func TestProfileAndCurrentOrganization(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "")
	user := alice.get("/v1/account/profile", nil).want(t, http.StatusOK).object("user")
	if user["email"] != "alice@example.com" || user["name"] != "Alice Anders" || user["id"] == "" {
		t.Errorf("profile %v", user)
	}
	org := alice.get("/v1/account/organization", nil).want(t, http.StatusOK).object("organization")
	if org["external_id"] != "org_acme" || org["name"] != "acme" || org["status"] != "ACTIVE" || org["default_project_id"] == "" {
		t.Errorf("current organization %v", org)
	}
	alice.get("/v1/organizations/"+org["id"].(string), nil).want(t, http.StatusOK)
	alice.get("/v1/organizations/org_acme", nil).want(t, http.StatusOK) // the external id works too
}

func TestOtherOrganizationsAreNotVisible(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_acme")
	globex := e.signIn("alice@example.com", "org_globex")
	globexID := globex.get("/v1/account/organization", nil).want(t, http.StatusOK).object("organization")["id"].(string)
	alice.get("/v1/organizations/"+globexID, nil).wantError(t, http.StatusNotFound, "not_found", "")
	alice.put("/v1/organizations/"+globexID+"/default_project", map[string]string{"default_project_id": "x"}).
		want(t, http.StatusNotFound)
}

func TestListUserOrganizationsPaginatesWithHasNext(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "")
	all := alice.get("/v1/account/organizations", nil).want(t, http.StatusOK)
	if got := names(list(all.body["organizations"])); !slices.Equal(got, []string{"acme", "globex", "initech"}) {
		t.Fatalf("organizations %v", got)
	}
	if all.body["has_next"] != false || all.body["limit"] != float64(10) || all.body["offset"] != float64(0) {
		t.Errorf("pagination %s", all.raw)
	}
	if _, ok := all.body["count"]; ok {
		t.Errorf("the user's organizations have no count: %s", all.raw)
	}

	first := alice.get("/v1/account/organizations", url.Values{"limit": {"2"}}).want(t, http.StatusOK)
	second := alice.get("/v1/account/organizations", url.Values{"limit": {"2"}, "offset": {"2"}}).want(t, http.StatusOK)
	if first.body["has_next"] != true || second.body["has_next"] != false {
		t.Errorf("has_next %v then %v", first.body["has_next"], second.body["has_next"])
	}
	if got := append(names(list(first.body["organizations"])), names(list(second.body["organizations"]))...); !slices.Equal(got, []string{"acme", "globex", "initech"}) {
		t.Errorf("pages %v", got)
	}

	alice.offContract(http.MethodGet, "/v1/account/organizations?limit=101").wantField(t, "limit")
	alice.offContract(http.MethodGet, "/v1/account/organizations?statuses=FINE").wantField(t, "statuses")
}

func TestListUserOrganizationsFilters(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "")
	cases := []struct {
		query url.Values
		want  []string
	}{
		{url.Values{"statuses": {"ACTIVE"}}, []string{"acme", "globex"}},
		{url.Values{"statuses": {"ACTIVE", "DEACTIVATED"}}, []string{"acme", "globex", "initech"}}, // repeated key
		{url.Values{"statuses": {"DEACTIVATED"}}, []string{"initech"}},
		{url.Values{"search": {"GLO"}}, []string{"globex"}},
		{url.Values{"search": {"org_ini"}}, []string{"initech"}},
		{url.Values{"order": {"desc"}}, []string{"initech", "globex", "acme"}},
	}
	for _, c := range cases {
		got := names(list(alice.get("/v1/account/organizations", c.query).want(t, http.StatusOK).body["organizations"]))
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.query.Encode(), got, c.want)
		}
	}
}

func TestCreateOrganizationMakesDefaultProjectAndOwner(t *testing.T) {
	e := newEnv(t)
	carol := e.signIn("carol@example.com", "") // onboarding: no organization yet
	org := carol.post("/v1/organizations", map[string]string{"name": "carols-shop"}).want(t, http.StatusOK).object("organization")
	if org["name"] != "carols-shop" || org["status"] != "ACTIVE" || org["default_project_id"] == "" || org["external_id"] == "" {
		t.Fatalf("created %v", org)
	}
	mine := names(list(carol.get("/v1/account/organizations", nil).want(t, http.StatusOK).body["organizations"]))
	if !slices.Equal(mine, []string{"carols-shop"}) {
		t.Fatalf("carol's organizations %v", mine)
	}
	// Switching in (WorkOS refresh with organization_id) shows the owner membership and the default project.
	inside := e.signIn("carol@example.com", org["external_id"].(string))
	members := list(inside.get("/v1/organization_members", nil).want(t, http.StatusOK).body["members"])
	if len(members) != 1 || members[0]["role"] != "OWNER" || members[0]["user"].(map[string]any)["email"] != "carol@example.com" {
		t.Errorf("members %v", members)
	}
	projects := list(inside.get("/v1/projects", nil).want(t, http.StatusOK).body["projects"])
	if len(projects) != 1 || projects[0]["id"] != org["default_project_id"] {
		t.Errorf("projects %v, default %v", projects, org["default_project_id"])
	}
}

func TestCreateOrganizationValidatesTheName(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "")
	for _, name := range []string{"", "Acme", "-acme", "acme-", "ac--me", "a_b", "abcdefghij-abcdefghij-abcdefghij-abcdefg", "acme"} {
		alice.post("/v1/organizations", map[string]string{"name": name}).wantField(t, "name")
	}
	alice.post("/v1/organizations", map[string]string{"name": "a"}).want(t, http.StatusOK)
	alice.post("/v1/organizations", map[string]string{"name": "abcdefghij-abcdefghij-abcdefghij-abcdef"}).want(t, http.StatusOK)
}

func TestUpdateDefaultProject(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "")
	org := alice.get("/v1/account/organization", nil).want(t, http.StatusOK).object("organization")
	var web string
	for _, p := range list(alice.get("/v1/projects", nil).want(t, http.StatusOK).body["projects"]) {
		if p["name"] == "web" {
			web = p["id"].(string)
		}
	}
	path := "/v1/organizations/" + org["id"].(string) + "/default_project"
	updated := alice.put(path, map[string]string{"default_project_id": web}).want(t, http.StatusOK).object("organization")
	if updated["default_project_id"] != web {
		t.Fatalf("default project %v, want %s", updated["default_project_id"], web)
	}
	alice.put(path, map[string]string{"default_project_id": "nope"}).wantField(t, "default_project_id")
}

func TestRefreshIntoAnotherOrganizationMovesTheScope(t *testing.T) {
	e := newEnv(t)
	tokens := e.auth.SignIn(map[string]string{"login_hint": "alice@example.com"})
	e.client(tokens.AccessToken).get("/v1/account/organization", nil).want(t, http.StatusOK)
	resp := e.auth.Refresh(tokens.RefreshToken, "org_globex")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("refresh: %d %s", resp.StatusCode, resp.Body)
	}
	switched := e.client(emutestTokens(t, resp.Body).AccessToken)
	if org := switched.get("/v1/account/organization", nil).want(t, http.StatusOK).object("organization"); org["external_id"] != "org_globex" {
		t.Fatalf("after switching: %v", org)
	}
	if got := names(list(switched.get("/v1/projects", nil).want(t, http.StatusOK).body["projects"])); !slices.Equal(got, []string{"default", "api"}) {
		t.Errorf("globex projects %v", got)
	}
}
