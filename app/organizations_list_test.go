package app_test

import (
	"strings"
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/seed"
	"github.com/panel-dev/panel/store"
)

func orgNames(orgs []api.Organization) string {
	var out []string
	for _, o := range orgs {
		out = append(out, o.Name)
	}
	return strings.Join(out, ",")
}

// The switcher walks the pages one by one: 100 at a time, more while the
// server says has_next, each page starting where the last one ended.
func TestListOrganizationsPagesByHasNext(t *testing.T) {
	srv := startEmulator(t, emulator.Options{Seed: seed.Generate(230)})
	e := newEnv(t, srv, "alice@example.com")
	var pages []int
	total := 0
	for q := (app.OrganizationQuery{}); ; {
		page, err := e.app.ListOrganizations(ctx(t), q)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, len(page.Organizations))
		total += len(page.Organizations)
		if page.Next != q.Offset+len(page.Organizations) {
			t.Fatalf("next offset %d after %d from %d", page.Next, len(page.Organizations), q.Offset)
		}
		if !page.More {
			break
		}
		q.Offset = page.Next
	}
	all, err := e.app.AllOrganizations(ctx(t), app.OrganizationQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 3 || pages[0] != api.MaxLimit || total != len(all.Organizations) || total < 230 {
		t.Fatalf("pages %v (%d organizations), the whole walk has %d", pages, total, len(all.Organizations))
	}
}

// The whole live list marks the session's organization and replaces what
// was known (a later switch by name skips listing); a search or a status
// filter only adds to it; a search asks the server.
func TestAllOrganizationsMarksTheCurrentAndRemembersTheWholeList(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	found, err := e.app.AllOrganizations(ctx(t), app.OrganizationQuery{Search: "glob"})
	if err != nil || orgNames(found.Organizations) != "globex" {
		t.Fatalf("search: %+v %v", found, err)
	}
	if _, complete := e.app.KnownOrganizations(); complete {
		t.Fatal("a search counts as the whole list")
	}
	all, err := e.app.AllOrganizations(ctx(t), app.OrganizationQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if all.Current != "org_acme" || !strings.Contains(orgNames(all.Organizations), "initech") {
		t.Fatalf("list %s, current %q: want the live ones (deactivated initech too) and acme current",
			orgNames(all.Organizations), all.Current)
	}
	if known, complete := e.app.KnownOrganizations(); !complete || len(known) != len(all.Organizations) {
		t.Fatalf("known %d (complete %v), listed %d", len(known), complete, len(all.Organizations))
	}
	deleted, err := e.app.AllOrganizations(ctx(t), app.OrganizationQuery{Statuses: []api.OrganizationStatus{api.OrganizationDeleted}})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range deleted.Organizations {
		if o.Status != api.OrganizationDeleted {
			t.Errorf("%s is %s, asked for deleted ones", o.Name, o.Status)
		}
	}
	if _, complete := e.app.KnownOrganizations(); !complete {
		t.Error("a filtered list replaced the whole one")
	}
}

func TestArrangePutsPinnedThenRecentFirst(t *testing.T) {
	all := []api.Organization{{ID: "1", ExternalID: "org_a", Name: "a"}, {ID: "2", ExternalID: "org_b", Name: "b"},
		{ID: "3", ExternalID: "org_c", Name: "c"}, {ID: "4", ExternalID: "org_d", Name: "d"}}
	order := app.OrganizationOrder{Pinned: []string{"org_c"}, Recent: []string{"org_d", "org_c", "org_b"}}
	if got := orgNames(order.Arrange(all)); got != "c,d,b,a" {
		t.Fatalf("order %s, want c,d,b,a", got)
	}
	if got := orgNames(all); got != "a,b,c,d" {
		t.Fatalf("Arrange changed its input: %s", got)
	}
}

// Pins and recents come from the profile's store; a pin toggles.
func TestOrganizationOrderComesFromTheStoreAndPinsToggle(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	err := e.app.Store.Update(func(s *store.State) {
		s.RecordSwitch("", "org_initech")
		s.RecordSwitch("org_initech", "org_globex")
	})
	if err != nil {
		t.Fatal(err)
	}
	all, err := e.app.AllOrganizations(ctx(t), app.OrganizationQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if got := orgNames(e.app.OrganizationOrder().Arrange(all.Organizations)); got != "globex,initech,acme" {
		t.Fatalf("order %s, want recent first", got)
	}
	order, err := e.app.TogglePin("org_acme")
	if err != nil || orgNames(order.Arrange(all.Organizations)) != "acme,globex,initech" {
		t.Fatalf("pinned acme: %+v %v", order, err)
	}
	if order, err = e.app.TogglePin("org_acme"); err != nil || len(order.Pinned) != 0 {
		t.Fatalf("unpinned acme: %+v %v", order, err)
	}
	if st, _ := e.app.Store.Load(); st.IsPinned("org_acme") {
		t.Error("the unpin is not stored")
	}
}
