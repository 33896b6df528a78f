package api_test

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/seed"
)

func TestHasNextPaginationWalksEveryOrganization(t *testing.T) {
	e := newEnv(t, emulator.Options{Seed: seed.Generate(230)}, "alice@example.com")
	e.clearRequests()
	orgs := must(e.client.AllUserOrganizations(ctx(t), api.ListUserOrganizationsParams{Statuses: api.LiveOrganizationStatuses}))
	if len(orgs) != 233 { // acme, globex, initech + 230 generated
		t.Errorf("got %d organizations, want 233", len(orgs))
	}
	reqs := e.requests() // pages are asked several at once: some past the end
	slices.SortFunc(reqs, func(a, b logged) int { return offsetOf(t, a) - offsetOf(t, b) })
	if len(reqs) < 3 || offsetOf(t, reqs[2]) != 200 || (len(reqs) > 3 && offsetOf(t, reqs[3]) == 200) {
		t.Fatalf("%d requests, want 3 pages of at most 100 (and some past the end)", len(reqs))
	}
	q, _ := url.ParseQuery(reqs[2].Query)
	if q.Get("limit") != "100" || q.Get("offset") != "200" {
		t.Errorf("third page query = %s", reqs[2].Query)
	}
	if got := q["statuses"]; len(got) != len(api.LiveOrganizationStatuses) {
		t.Errorf("statuses not repeated: %s", reqs[2].Query)
	}
}

func TestLimitIsClampedTo100AndArrayParamsRepeat(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	e.clearRequests()
	must(e.client.ListOrganizationInvitations(ctx(t), api.ListOrganizationInvitationsParams{
		Page: api.Page{Limit: 500}, Statuses: []api.InvitationStatus{api.InvitationPending, api.InvitationExpired}}))
	reqs := e.requests()
	if len(reqs) != 1 {
		t.Fatalf("requests = %+v", reqs)
	}
	q := reqs[0].Query
	if !strings.Contains(q, "limit=100") || strings.Count(q, "statuses=") != 2 {
		t.Errorf("query = %s, want limit=100 and statuses twice", q)
	}
}

func TestCountPaginationWalksEveryInvitation(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	for i := range 120 {
		must(e.client.CreateOrganizationInvitation(ctx(t), fmt.Sprintf("person%03d@example.com", i)))
	}
	e.clearRequests()
	invs := must(e.client.AllOrganizationInvitations(ctx(t), api.ListOrganizationInvitationsParams{
		Statuses: []api.InvitationStatus{api.InvitationPending}}))
	if len(invs) != 121 { // 120 + dave
		t.Errorf("got %d invitations, want 121", len(invs))
	}
	if n := len(e.requests()); n != 2 {
		t.Errorf("%d requests, want 2 (count says when to stop)", n)
	}
}

func TestShortPagePaginationStopsOnAShortPage(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	for i := range 99 {
		must(e.client.CreateProject(ctx(t), api.CreateProjectRequest{Name: fmt.Sprintf("p%02d", i)}))
	}
	e.clearRequests()
	projects := must(e.client.AllProjects(ctx(t), api.ListProjectsParams{}))
	if len(projects) != 102 {
		t.Errorf("got %d projects, want 102", len(projects))
	}
	if n := len(e.requests()); n != 2 {
		t.Errorf("%d requests, want 2 (a full page, then a short one)", n)
	}
}

func TestDeclineAReceivedInvitation(t *testing.T) {
	e := newEnv(t, emulator.Options{}, "alice@example.com")
	received := must(e.client.ListUserOrganizationInvitations(ctx(t), api.ListUserOrganizationInvitationsParams{}))
	if len(received.Invitations) == 0 {
		t.Fatal("no invitation received")
	}
	got := must(e.client.DeclineOrganizationInvitation(ctx(t), received.Invitations[0].ID))
	if got.Status != api.InvitationRefused {
		t.Errorf("declined invitation status = %s", got.Status)
	}
	_, err := e.client.AcceptOrganizationInvitation(ctx(t), received.Invitations[0].ID)
	if err == nil {
		t.Error("accepting a declined invitation succeeded")
	}
}
