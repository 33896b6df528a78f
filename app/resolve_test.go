package app_test

import (
	"errors"
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/seed"
)

// A name, id or `-` resolves from what is known locally when it can (no
// request), else from the server's list; several fuzzy matches are the
// caller's to choose from.
func TestResolveOrganization(t *testing.T) {
	srv := startEmulator(t, emulator.Options{Seed: seed.Generate(3)})
	e := newEnv(t, srv, "alice@example.com")
	if _, err := e.app.ResolveOrganization(ctx(t), "-"); !errors.Is(err, app.ErrNoPreviousOrganization) {
		t.Fatalf("- before any switch: %v", err)
	}
	e.clearRequests()
	m, err := e.app.ResolveOrganization(ctx(t), "org_globex")
	if err != nil || !m.Local || m.Organization.ExternalID != "org_globex" || len(e.requests()) != 0 {
		t.Fatalf("an external id: %+v %v, %d requests", m, err, len(e.requests()))
	}
	m, err = e.app.ResolveOrganization(ctx(t), "GLOBEX") // not known yet: the server's list
	if err != nil || m.Local || m.Organization.ExternalID != "org_globex" {
		t.Fatalf("a name: %+v %v", m, err)
	}
	e.clearRequests()
	m, err = e.app.ResolveOrganization(ctx(t), "glbx") // the whole list is known now: fuzzy, locally
	if err != nil || !m.Local || m.Organization.Name != "globex" || len(e.requests()) != 0 {
		t.Fatalf("a fuzzy name: %+v %v, %d requests", m, err, len(e.requests()))
	}
	var amb *app.AmbiguousOrganizationError
	if _, err := e.app.ResolveOrganization(ctx(t), "bench"); !errors.As(err, &amb) || len(amb.Candidates) != 3 {
		t.Fatalf("ambiguous: %v", err)
	}
	var none *app.OrganizationNotFoundError
	if _, err := e.app.ResolveOrganization(ctx(t), "umbrella"); !errors.As(err, &none) || none.Query != "umbrella" {
		t.Fatalf("not alice's: %v", err)
	}
	if _, err := e.app.SwitchOrganization(ctx(t), e.org("globex"), nil); err != nil {
		t.Fatal(err)
	}
	if m, err := e.app.ResolveOrganization(ctx(t), "-"); err != nil || m.Organization.Name != "acme" {
		t.Fatalf("-: %+v %v", m, err)
	}
}

func TestMatchProject(t *testing.T) {
	projects := []api.Project{{ID: "p1", Name: "web-frontend"}, {ID: "p2", Name: "web-backend"}, {ID: "p3", Name: "jobs"}}
	for query, want := range map[string]string{"p2": "web-backend", "JOBS": "jobs", "frnt": "web-frontend"} {
		if p, err := app.MatchProject(projects, query); err != nil || p.Name != want {
			t.Errorf("%q: %+v %v, want %s", query, p, err, want)
		}
	}
	var amb *app.AmbiguousProjectError
	if _, err := app.MatchProject(projects, "web"); !errors.As(err, &amb) || len(amb.Candidates) != 2 {
		t.Errorf("ambiguous: %v", err)
	}
	var none *app.ProjectNotFoundError
	if _, err := app.MatchProject(projects, "zzz"); !errors.As(err, &none) {
		t.Errorf("none: %v", err)
	}
}

// The project list marks the current project after B17's repair, and the
// organization's default.
func TestProjectsMarkTheCurrentAndTheDefault(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	l, err := e.app.Projects(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Projects) < 2 || l.Current == nil || l.DefaultID == "" || l.Current.ID != l.DefaultID {
		t.Fatalf("projects %+v: the first visit's current project is the default", l)
	}
	var other api.Project
	for _, p := range l.Projects {
		if p.ID != l.DefaultID {
			other = p
		}
	}
	if p, err := e.app.FindProject(ctx(t), other.Name); err != nil || p.ID != other.ID {
		t.Fatalf("find %s: %+v %v", other.Name, p, err)
	}
	if err := e.app.UseProject("org_acme", &other); err != nil {
		t.Fatal(err)
	}
	if l, err = e.app.Projects(ctx(t)); err != nil || l.Current == nil || l.Current.ID != other.ID {
		t.Fatalf("after use: %+v %v", l, err)
	}
}

func TestInvitationsArePendingUnlessAskedOtherwise(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	received, err := e.app.ReceivedInvitations(ctx(t))
	if err != nil || len(received) == 0 {
		t.Fatalf("received: %+v %v", received, err)
	}
	sent, err := e.app.SentInvitations(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, inv := range append(received, sent...) {
		if inv.Status != api.InvitationPending {
			t.Errorf("invitation %s is %s, listed by default", inv.ID, inv.Status)
		}
	}
	all, err := e.app.SentInvitations(ctx(t), api.InvitationPending, api.InvitationAccepted, api.InvitationRefused, api.InvitationExpired)
	if err != nil || len(all) < len(sent) {
		t.Fatalf("every status: %d, pending: %d (%v)", len(all), len(sent), err)
	}
}

func TestInvitationIDFromALink(t *testing.T) {
	for pasted, want := range map[string]string{
		"inv_123":    "inv_123",
		"  inv_123 ": "inv_123",
		"https://app.example.com/invitations/inv_9":         "inv_9",
		"https://app.example.com/invitations/inv_9/":        "inv_9",
		"https://app.example.com/join?invitation=inv_7&x=1": "inv_7",
		"https://app.example.com/join?id=inv_8":             "inv_8",
		"https://app.example.com/invitations/inv_6?utm=a":   "inv_6",
	} {
		if got := app.InvitationID(pasted); got != want {
			t.Errorf("InvitationID(%q) = %q, want %q", pasted, got, want)
		}
	}
}
