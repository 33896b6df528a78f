package app_test

import (
	"errors"
	"testing"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/store"
)

func TestListsAreRememberedByNameForCompletion(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	org, err := e.app.CheckSession(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.app.Projects(ctx(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := e.app.CurrentProjectServices(ctx(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := e.app.Members(ctx(t), org.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.app.SentInvitations(ctx(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := e.app.ReceivedInvitations(ctx(t)); err != nil {
		t.Fatal(err)
	}
	names := func(kind string) []string {
		var out []string
		for _, n := range app.CompletionNames(store.Open(e.dir, nil), kind, "") {
			out = append(out, n.Name)
		}
		return out
	}
	for kind, want := range map[string][]string{
		store.NamesProjects:            {"data", "default", "web"},
		store.NamesServices:            {"web", "worker", "web"},
		store.NamesMembers:             {"alice@example.com", "bob@example.com"},
		store.NamesSentInvitations:     {"dave@example.com"}, // the expired one is not offered
		store.NamesReceivedInvitations: {"umbrella"},
	} {
		got := names(kind)
		if !sameSet(got, want) {
			t.Errorf("%s: %v, want %v", kind, got, want)
		}
	}
}

func TestInvitationsResolveByEmailAndOrganizationName(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	if _, err := e.app.CheckSession(ctx(t)); err != nil {
		t.Fatal(err)
	}
	// Nothing listed yet: the server's pending list is read, then remembered.
	sent, err := e.app.SentInvitationID(ctx(t), "DAVE@example.com")
	if err != nil || sent == "" {
		t.Fatalf("by email: %q %v", sent, err)
	}
	received, err := e.app.ReceivedInvitationID(ctx(t), "umbrella")
	if err != nil || received == "" {
		t.Fatalf("by organization name: %q %v", received, err)
	}
	if id, err := e.app.ReceivedInvitationID(ctx(t), received); err != nil || id != received {
		t.Fatalf("an id stays itself: %q %v", id, err)
	}
	var nf *app.InvitationNotFoundError
	if _, err := e.app.SentInvitationID(ctx(t), "erin@example.com"); !errors.As(err, &nf) {
		t.Fatalf("an expired invitation's email: %v", err)
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	count := map[string]int{}
	for _, x := range a {
		count[x]++
	}
	for _, x := range b {
		count[x]--
	}
	for _, n := range count {
		if n != 0 {
			return false
		}
	}
	return true
}
