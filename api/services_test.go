package api_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/seed"
)

// A project with more apps and services than a page: every page is walked
// (count and has_next), the filters go to the server.
func TestAppsServicesAndInstancesArePaged(t *testing.T) {
	sd := seed.Demo()
	var apps []seed.App
	for i := range 3 {
		var services []seed.Service
		for j := range 60 {
			services = append(services, seed.Service{Name: fmt.Sprintf("svc-%02d", j), Type: "WORKER"})
		}
		apps = append(apps, seed.App{Name: fmt.Sprintf("app-%d", i), Services: services})
	}
	for i := range 101 {
		apps = append(apps, seed.App{Name: fmt.Sprintf("empty-%03d", i)})
	}
	five := 150
	apps[0].Services[0].Instances = &five
	sd.Organizations[0].Projects[0].Apps = apps
	e := newEnv(t, emulator.Options{Seed: sd}, "alice@example.com")
	cx := ctx(t)
	project := must(e.client.GetCurrentOrganization(cx)).DefaultProjectID
	e.clearRequests()
	all := must(e.client.AllServices(cx, api.ListServicesParams{ProjectID: project}))
	if len(all) != 180 || e.count("GET", "/v1/services") != 2 {
		t.Fatalf("%d services in %d requests, want 180 in 2", len(all), e.count("GET", "/v1/services"))
	}
	if got := must(e.client.AllApps(cx, api.ListAppsParams{ProjectID: project})); len(got) != 104 {
		t.Fatalf("%d apps, want 104", len(got))
	}
	byName := must(e.client.AllServices(cx, api.ListServicesParams{ProjectID: project, AppID: all[0].AppID, Name: "svc-0"}))
	if len(byName) != 10 {
		t.Fatalf("app-0's services named like svc-0: %d, want 10", len(byName))
	}
	instances := must(e.client.AllInstances(cx, api.ListInstancesParams{ServiceID: all[0].ID}))
	if len(instances) != 150 {
		t.Fatalf("%d instances, want 150", len(instances))
	}
}

// Omitted enums read as the spec's defaults.
func TestServiceEnumsDefault(t *testing.T) {
	var s api.Service
	var a api.App
	var i api.Instance
	for _, v := range []any{&s, &a, &i} {
		if err := json.Unmarshal([]byte(`{"id":"x"}`), v); err != nil {
			t.Fatal(err)
		}
	}
	if s.Type != api.ServiceInvalidType || s.Status != api.ServiceStarting || a.Status != api.AppStarting ||
		i.Status != api.InstanceAllocating {
		t.Fatalf("defaults: service %s/%s, app %s, instance %s", s.Type, s.Status, a.Status, i.Status)
	}
}
