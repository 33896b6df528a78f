package controlpanel_test

import (
	"net/http"
	"net/url"
	"slices"
	"testing"
)

// projectID returns the id of one of the token's organization's projects.
func (c *client) projectID(t *testing.T, name string) string {
	t.Helper()
	for _, p := range list(c.get("/v1/projects", nil).want(t, http.StatusOK).body["projects"]) {
		if p["name"] == name {
			return p["id"].(string)
		}
	}
	t.Fatalf("no project %s", name)
	return ""
}

func TestListAppsOfAProject(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_acme")
	def := alice.projectID(t, "default")
	r := alice.get("/v1/apps", url.Values{"project_id": {def}}).want(t, http.StatusOK)
	apps := list(r.body["apps"])
	if !slices.Equal(names(apps), []string{"storefront", "payments"}) || r.body["count"] != float64(2) {
		t.Fatalf("apps %s", r.raw)
	}
	// An app is as healthy as its worst service; a domain is assigned.
	if apps[0]["status"] != "HEALTHY" || apps[1]["status"] != "DEGRADED" || len(list(apps[0]["domains"])) != 1 {
		t.Errorf("apps %s", r.raw)
	}
	all := alice.get("/v1/apps", url.Values{"limit": {"2"}}).want(t, http.StatusOK)
	if all.body["count"] != float64(5) || all.body["has_next"] != true {
		t.Errorf("every app of acme, first page: %s", all.raw)
	}
	last := alice.get("/v1/apps", url.Values{"limit": {"2"}, "offset": {"4"}}).want(t, http.StatusOK)
	if last.body["has_next"] != false || len(list(last.body["apps"])) != 1 {
		t.Errorf("last page: %s", last.raw)
	}
	if got := names(list(alice.get("/v1/apps", url.Values{"name": {"WARE"}}).want(t, http.StatusOK).body["apps"])); !slices.Equal(got, []string{"warehouse"}) {
		t.Errorf("name filter: %v", got)
	}
}

func TestListServicesFilters(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_acme")
	def := alice.projectID(t, "default")
	services := list(alice.get("/v1/services", url.Values{"project_id": {def}}).want(t, http.StatusOK).body["services"])
	if !slices.Equal(names(services), []string{"web", "worker", "web"}) {
		t.Fatalf("services %v", names(services))
	}
	for q, want := range map[string][]string{
		"types=WORKER":                     {"worker", "etl", "scheduler"},
		"statuses=DEGRADED":                {"web"},
		"statuses=HEALTHY&statuses=PAUSED": {"web", "worker", "site", "preview", "postgres", "scheduler"},
		"regions=sin":                      {"web"},
		"name=post":                        {"postgres"},
	} {
		v, _ := url.ParseQuery(q)
		if got := names(list(alice.get("/v1/services", v).want(t, http.StatusOK).body["services"])); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
	// A service of HEALTHY status omits nothing; STARTING is the zero value and is omitted.
	starting := list(alice.get("/v1/services", url.Values{"statuses": {"STARTING"}}).want(t, http.StatusOK).body["services"])
	if len(starting) != 1 || starting[0]["name"] != "etl" || starting[0]["status"] != nil {
		t.Errorf("starting services %v", starting)
	}
	alice.offContract(http.MethodGet, "/v1/services?statuses=FINE").wantField(t, "statuses")
}

func TestGetServiceAndItsInstances(t *testing.T) {
	e := newEnv(t)
	alice := e.signIn("alice@example.com", "org_acme")
	web := list(alice.get("/v1/services", url.Values{"statuses": {"DEGRADED"}}).want(t, http.StatusOK).body["services"])[0]
	id := web["id"].(string)
	got := alice.get("/v1/services/"+id, nil).want(t, http.StatusOK).object("service")
	if got["name"] != "web" || got["started_at"] == nil || got["active_deployment_id"] == nil {
		t.Fatalf("service %v", got)
	}
	r := alice.get("/v1/instances", url.Values{"service_id": {id}, "order": {"asc"}}).want(t, http.StatusOK)
	instances := list(r.body["instances"])
	if len(instances) != 2 || r.body["count"] != float64(2) || instances[0]["status"] != "HEALTHY" ||
		instances[1]["status"] != "UNHEALTHY" || instances[0]["region"] != "fra" || instances[1]["region"] != "sin" {
		t.Fatalf("instances %s", r.raw)
	}
	unhealthy := list(alice.get("/v1/instances", url.Values{"service_id": {id}, "statuses": {"UNHEALTHY"}}).
		want(t, http.StatusOK).body["instances"])
	if len(unhealthy) != 1 {
		t.Errorf("unhealthy instances %v", unhealthy)
	}
	paused := list(alice.get("/v1/services", url.Values{"statuses": {"PAUSED"}}).want(t, http.StatusOK).body["services"])[0]
	if n := len(list(alice.get("/v1/instances", url.Values{"service_id": {paused["id"].(string)}}).
		want(t, http.StatusOK).body["instances"])); n != 0 {
		t.Errorf("a paused service runs %d instances", n)
	}
	// Another organization's service reads as not found.
	globex := e.signIn("alice@example.com", "org_globex")
	globex.get("/v1/services/"+id, nil).wantError(t, http.StatusNotFound, "not_found", "")
	if n := len(list(globex.get("/v1/instances", url.Values{"service_id": {id}}).want(t, http.StatusOK).body["instances"])); n != 0 {
		t.Errorf("globex sees %d of acme's instances", n)
	}
}
