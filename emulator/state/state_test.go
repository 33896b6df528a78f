package state_test

import (
	"errors"
	"testing"
	"time"

	"github.com/panel-dev/panel/emulator/seed"
	"github.com/panel-dev/panel/emulator/state"
)

func demo(t *testing.T) *state.State {
	t.Helper()
	st, err := state.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestDemoSeedFacts(t *testing.T) {
	st := demo(t)
	alice, ok := st.FirstUser()
	if !ok || alice.Email != "alice@example.com" {
		t.Fatalf("first user = %+v", alice)
	}
	orgs := st.UserOrganizations(alice.ID)
	if len(orgs) != 3 || orgs[0].ExternalID != "org_acme" {
		t.Fatalf("alice orgs = %+v", orgs)
	}
	def, _ := st.DefaultOrganization(alice.ID)
	if def.ExternalID != "org_acme" {
		t.Fatalf("default org = %s", def.ExternalID)
	}
	acme, _ := st.Organization("org_acme")
	ps := st.Projects(acme.ID)
	if len(ps) != 3 || ps[0].Name != "default" || acme.DefaultProjectID != ps[0].ID {
		t.Fatalf("acme projects = %+v default=%s", ps, acme.DefaultProjectID)
	}
	if got := st.ReceivedInvitations("alice@example.com"); len(got) != 1 || got[0].Status != state.InvitationPending {
		t.Fatalf("alice received = %+v", got)
	}
	sent := st.Invitations("org_acme")
	if len(sent) != 2 || sent[1].Status != state.InvitationExpired {
		t.Fatalf("acme sent = %+v", sent)
	}
	again, _ := state.New(nil)
	acme2, _ := again.Organization("org_acme")
	if acme2.ID != acme.ID || acme2.DefaultProjectID != acme.DefaultProjectID {
		t.Fatal("ids are not stable across loads")
	}
}

func TestRefreshTokenRotation(t *testing.T) {
	st := demo(t)
	alice, _ := st.UserByEmail("ALICE@example.com")
	sess, rt1, err := st.CreateSession(alice.ID, "org_acme", "Password")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.RefreshSession(rt1, "org_umbrella"); !errors.Is(err, state.ErrNotMember) {
		t.Fatalf("non-member switch: %v", err)
	}
	s2, rt2, err := st.RefreshSession(rt1, "org_globex")
	if err != nil || s2.OrganizationID != "org_globex" || s2.ID != sess.ID {
		t.Fatalf("switch: %+v %v", s2, err)
	}
	if _, _, err := st.RefreshSession(rt1, ""); !errors.Is(err, state.ErrTokenUsed) {
		t.Fatalf("reuse: %v", err)
	}
	if _, err := st.RevokeSession(sess.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.RefreshSession(rt2, ""); !errors.Is(err, state.ErrSessionRevoked) {
		t.Fatalf("revoked: %v", err)
	}
}

func TestDevicePolling(t *testing.T) {
	st := demo(t)
	now := time.Now()
	st.SetClock(func() time.Time { return now })
	d := st.CreateDeviceCode("client_panel_demo", 5*time.Minute, 5*time.Second)
	if _, err := st.PollDeviceCode(d.DeviceCode); !errors.Is(err, state.ErrPending) {
		t.Fatalf("first poll: %v", err)
	}
	if _, err := st.PollDeviceCode(d.DeviceCode); !errors.Is(err, state.ErrSlowDown) {
		t.Fatalf("fast poll: %v", err)
	}
	alice, _ := st.FirstUser()
	if _, err := st.ApproveDeviceCode(d.UserCode, alice.ID, "", "Password"); err != nil {
		t.Fatal(err)
	}
	now = now.Add(time.Minute)
	if got, err := st.PollDeviceCode(d.DeviceCode); err != nil || got.UserID != alice.ID {
		t.Fatalf("approved poll: %+v %v", got, err)
	}
	now = now.Add(time.Minute)
	if _, err := st.PollDeviceCode(d.DeviceCode); !errors.Is(err, state.ErrInvalidToken) {
		t.Fatalf("reuse: %v", err)
	}
}

func TestGenerateLargeSeed(t *testing.T) {
	st, err := state.New(seed.Generate(1000))
	if err != nil {
		t.Fatal(err)
	}
	alice, _ := st.FirstUser()
	if n := len(st.UserOrganizations(alice.ID)); n != 1003 {
		t.Fatalf("alice has %d orgs", n)
	}
}

func TestAcceptInvitationCreatesMembership(t *testing.T) {
	st := demo(t)
	alice, _ := st.FirstUser()
	inv := st.ReceivedInvitations(alice.Email)[0]
	if _, m, err := st.AcceptInvitation(inv.ID, alice.ID); err != nil || m.UserID != alice.ID {
		t.Fatalf("accept: %v", err)
	}
	if _, ok := st.MembershipOf(alice.ID, "org_umbrella"); !ok {
		t.Fatal("no membership after accept")
	}
	if _, _, err := st.AcceptInvitation(inv.ID, alice.ID); !errors.Is(err, state.ErrExpired) {
		t.Fatalf("second accept: %v", err)
	}
}
