package app_test

import (
	"errors"
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/emulator"
)

// A member is found by email, membership id or user id; the signed-in user's
// own membership is not removed (that is leaving), anyone else's is.
func TestRemoveMemberButNotYourself(t *testing.T) {
	srv := startEmulator(t, emulator.Options{})
	e := newEnv(t, srv, "alice@example.com")
	org, err := e.app.CheckSession(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	members, err := e.app.API.AllOrganizationMembers(ctx(t), api.ListOrganizationMembersParams{OrganizationID: org.ID})
	if err != nil {
		t.Fatal(err)
	}
	me, err := app.FindMember(members, "ALICE@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := app.FindMember(members, me.ID); err != nil {
		t.Errorf("by membership id: %v", err)
	}
	var none *app.MemberNotFoundError
	if _, err := app.FindMember(members, "nobody@example.com"); !errors.As(err, &none) {
		t.Errorf("nobody: %v", err)
	}
	if _, err := e.app.RemoveMember(ctx(t), *me); !errors.Is(err, app.ErrRemovingYourself) {
		t.Fatalf("removing yourself: %v", err)
	}
	bob, err := app.FindMember(members, "bob@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if removed, err := e.app.RemoveMember(ctx(t), *bob); err != nil || removed.ID != bob.ID {
		t.Fatalf("removing bob: %+v %v", removed, err)
	}
}
