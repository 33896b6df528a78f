package controlpanel_test

import (
	"net/http"
	"net/url"
	"slices"
	"testing"
)

func TestListProjectsHasNoCountAndStringServiceCount(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_acme")
	r := alice.get("/v1/projects", nil).want(t, http.StatusOK)
	projects := list(r.body["projects"])
	if !slices.Equal(names(projects), []string{"default", "web", "data"}) {
		t.Fatalf("projects %s", r.raw)
	}
	for _, key := range []string{"count", "has_next"} {
		if _, ok := r.body[key]; ok {
			t.Errorf("projects have neither count nor has_next: %s", r.raw)
		}
	}
	if sc, ok := projects[0]["service_count"].(string); !ok || sc != "3" {
		t.Errorf("service_count %#v, want the JSON string \"3\"", projects[0]["service_count"])
	}
	// A short page ends the list.
	page := list(alice.get("/v1/projects", url.Values{"limit": {"2"}, "offset": {"2"}}).want(t, http.StatusOK).body["projects"])
	if !slices.Equal(names(page), []string{"data"}) {
		t.Errorf("last page %v", names(page))
	}
	filtered := list(alice.get("/v1/projects", url.Values{"name": {"we"}}).want(t, http.StatusOK).body["projects"])
	if !slices.Equal(names(filtered), []string{"web"}) {
		t.Errorf("name filter %v", names(filtered))
	}
}

func TestCreateAndGetProject(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_acme")
	p := alice.post("/v1/projects", map[string]string{"name": "mobile"}).want(t, http.StatusOK).object("project")
	if p["name"] != "mobile" || p["service_count"] != "0" {
		t.Fatalf("created %v", p)
	}
	got := alice.get("/v1/projects/"+p["id"].(string), nil).want(t, http.StatusOK).object("project")
	if got["id"] != p["id"] {
		t.Errorf("got %v", got)
	}
	alice.post("/v1/projects", map[string]string{"name": "mobile"}).wantField(t, "name")
	alice.post("/v1/projects", map[string]string{"name": "Bad Name"}).wantField(t, "name")
	alice.post("/v1/projects", nil).wantField(t, "name")

	// Another organization's project reads as not found.
	globex := e.signIn("alice@example.com", "org_globex")
	globex.get("/v1/projects/"+p["id"].(string), nil).wantError(t, http.StatusNotFound, "not_found", "")
}
