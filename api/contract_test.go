package api_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/testmain"
)

// TestMain checks that the package's tests, together, sent every operation
// panel uses through the validating transport.
func TestMain(m *testing.M) {
	testmain.Run(m, testmain.AfterFullRun(func() error {
		if missing := coverage.Missing("SwitchOrganization", "UnscopeOrganizationToken", "ExecCommand"); len(missing) > 0 {
			return fmt.Errorf("api: operations no test exercised: %s", strings.Join(missing, ", "))
		}
		return nil
	}))
}

// TestEveryOperationAgainstTheContract walks alice's account through every
// operation; the transport validates each request and response.
func TestEveryOperationAgainstTheContract(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	c, cx := e.client, ctx(t)

	me := must(c.GetCurrentUser(cx))
	if me.Email != "alice@example.com" || me.ID == "" {
		t.Errorf("profile = %+v", me)
	}
	org := must(c.GetCurrentOrganization(cx))
	if org.Name != "acme" || org.ExternalID != "org_acme" || org.Status != api.OrganizationActive || org.DefaultProjectID == "" {
		t.Errorf("current organization = %+v", org)
	}
	if got := must(c.GetOrganization(cx, org.ID)); got.ID != org.ID {
		t.Errorf("GetOrganization = %+v", got)
	}
	orgs := must(c.AllUserOrganizations(cx, api.ListUserOrganizationsParams{Statuses: api.LiveOrganizationStatuses}))
	for _, name := range []string{"acme", "globex", "initech"} {
		orgByName(t, orgs, name)
	}

	projects := must(c.AllProjects(cx, api.ListProjectsParams{}))
	if len(projects) != 3 {
		t.Errorf("acme has %d projects, want 3", len(projects))
	}
	for _, p := range projects {
		if p.ServiceCount <= 0 || p.OrganizationID != org.ID {
			t.Errorf("project %+v: service_count (a JSON string) or organization_id lost", p)
		}
	}
	def := must(c.GetProject(cx, org.DefaultProjectID))
	if def.Name != "default" || def.ServiceCount != 3 {
		t.Errorf("default project = %+v", def)
	}
	apps := must(c.AllApps(cx, api.ListAppsParams{ProjectID: def.ID}))
	services := must(c.AllServices(cx, api.ListServicesParams{ProjectID: def.ID}))
	if len(apps) != 2 || len(services) != 3 {
		t.Errorf("the default project has %d apps and %d services, want 2 and 3", len(apps), len(services))
	}
	degraded := must(c.AllServices(cx, api.ListServicesParams{ProjectID: def.ID,
		Statuses: []api.ServiceStatus{api.ServiceDegraded}, Types: []api.ServiceType{api.ServiceWeb}}))
	if len(degraded) != 1 || degraded[0].Status != api.ServiceDegraded {
		t.Fatalf("degraded web services = %+v", degraded)
	}
	svc := must(c.GetService(cx, degraded[0].ID))
	if svc.Name != "web" || svc.AppID == "" || svc.ActiveDeploymentID == "" {
		t.Errorf("GetService = %+v", svc)
	}
	instances := must(c.AllInstances(cx, api.ListInstancesParams{ServiceID: svc.ID}))
	if len(instances) != 2 || instances[0].ServiceID != svc.ID || instances[0].Region == "" {
		t.Errorf("instances of a degraded service = %+v", instances)
	}

	created := must(c.CreateProject(cx, api.CreateProjectRequest{Name: "ops", Description: "Operations"}))
	if got := must(c.UpdateOrganizationDefaultProject(cx, org.ID, created.ID)); got.DefaultProjectID != created.ID {
		t.Errorf("default project not updated: %+v", got)
	}

	members := must(c.AllOrganizationMembers(cx, api.ListOrganizationMembersParams{OrganizationID: org.ID}))
	var bob *api.OrganizationMember
	for i, m := range members {
		if m.User != nil && m.User.Email == "bob@example.com" {
			bob = &members[i]
		}
	}
	if bob == nil {
		t.Fatalf("bob is not a member of acme: %+v", members)
	}

	sent := must(c.AllOrganizationInvitations(cx, api.ListOrganizationInvitationsParams{
		Statuses: []api.InvitationStatus{api.InvitationPending, api.InvitationExpired}}))
	if len(sent) != 2 {
		t.Errorf("acme's pending+expired invitations = %d, want 2", len(sent))
	}
	inv := must(c.CreateOrganizationInvitation(cx, "carol@example.com"))
	if inv.Status != api.InvitationPending || inv.Email != "carol@example.com" {
		t.Errorf("invitation = %+v", inv)
	}
	if got := must(c.GetOrganizationInvitation(cx, inv.ID)); got.ID != inv.ID {
		t.Errorf("GetOrganizationInvitation = %+v", got)
	}
	must(c.ResendOrganizationInvitation(cx, inv.ID))
	if err := c.DeleteOrganizationInvitation(cx, inv.ID); err != nil {
		t.Fatal(err)
	}
	if removed := must(c.RemoveOrganizationMember(cx, bob.ID)); removed.ID != bob.ID {
		t.Errorf("removed %+v", removed)
	}

	received := must(c.AllUserOrganizationInvitations(cx, api.ListUserOrganizationInvitationsParams{
		Statuses: []api.InvitationStatus{api.InvitationPending}}))
	if len(received) != 1 || received[0].Organization == nil || received[0].Organization.Name != "umbrella" {
		t.Fatalf("received = %+v", received)
	}
	if got := must(c.GetUserOrganizationInvitation(cx, received[0].ID)); got.ID != received[0].ID {
		t.Errorf("GetUserOrganizationInvitation = %+v", got)
	}
	accepted := must(c.AcceptOrganizationInvitation(cx, received[0].ID))
	if accepted.Status != api.InvitationAccepted {
		t.Errorf("accepted = %+v", accepted)
	}

	newOrg := must(c.CreateOrganization(cx, "hooli"))
	if newOrg.Name != "hooli" || newOrg.ExternalID == "" {
		t.Errorf("created org = %+v", newOrg)
	}

	if tok := must(c.CannyAuth(cx)); tok == "" {
		t.Error("empty Canny token")
	}
	payload := base64.StdEncoding.EncodeToString([]byte("nonce=n1&return_sso_url=https%3A%2F%2Fforum.example%2Fsession%2Fsso_login"))
	mac := hmac.New(sha256.New, []byte("discourse-demo-secret"))
	mac.Write([]byte(payload))
	d := must(c.DiscourseAuth(cx, payload, hex.EncodeToString(mac.Sum(nil))))
	if d.SSO == "" || d.Sig == "" {
		t.Errorf("discourse = %+v", d)
	}

	filter := api.LogsFilter{ServiceID: "svc-1", Type: "runtime"}
	q := must(c.QueryLogs(cx, api.QueryLogsParams{LogsFilter: filter, Limit: 5}))
	_ = q
	must(c.GetMetrics(cx, api.GetMetricsParams{ServiceID: "svc-1", Name: "CPU_TOTAL_PERCENT"}))

	stream := must(c.TailLogs(cx, api.TailLogsParams{LogsFilter: filter, Limit: 2}, e.streamTokens()))
	defer stream.Close()
	line := must(stream.Next(cx))
	if line.Msg == "" || line.CreatedAt.IsZero() {
		t.Errorf("log line = %+v", line)
	}
}
