package invitation

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/testmain"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/internal/screentest"
)

func TestMain(m *testing.M) { testmain.Run(m, testmain.ASCIIColors()) }

// received is the id of the invitation the demo seed's umbrella sent to email.
func received(t *testing.T, env *screentest.Env, email, status string) string {
	t.Helper()
	for _, i := range env.Srv.State().ReceivedInvitations(email) {
		if i.Status == status {
			return i.ID
		}
	}
	t.Fatalf("no %s invitation for %s", status, email)
	return ""
}

// signedIn is alice past the gate, on the landing of invitation id.
func signedIn(t *testing.T, id func(*screentest.Env) string) (*screentest.Env, *screentest.Driver, *Model) {
	env := screentest.New(t, emulator.Options{}, "alice@example.com")
	env.Ctx.GatePassed = true
	m := New(env.Ctx, id(env))
	return env, screentest.Start(t, m), m
}

func umbrellaInvitation(t *testing.T) func(*screentest.Env) string {
	return func(env *screentest.Env) string { return received(t, env, "alice@example.com", "PENDING") }
}

func TestSignedOutOffersSignInAndSignUpBackHere(t *testing.T) {
	ctx := common.NewContext(t.Context(), true, nil)
	ctx.SignedOut = true
	d := screentest.Start(t, New(ctx, "inv-123"))
	d.WaitView("invitation inv-123", "sign in with the browser", "create an account (sign up)")
	if enabled(d.Screen, "a") || enabled(d.Screen, "d") {
		t.Fatal("accept or decline offered while signed out")
	}
	d.Type("s")
	msg := d.WaitRoot("sign-up", func(m tea.Msg) bool { _, ok := m.(common.SignInMsg); return ok }).(common.SignInMsg)
	if msg.Next != "invitation/inv-123" || msg.Start != common.SignInSignUp {
		t.Fatalf("s asked %+v, want sign-up with next = the invitation", msg)
	}
	d.Key(tea.KeyEnter)
	d.WaitRoot("sign-in", func(m tea.Msg) bool {
		s, ok := m.(common.SignInMsg)
		return ok && s.Start == common.SignInBrowser && s.Next == "invitation/inv-123"
	})
}

func TestWaitsForTheGateThenLoads(t *testing.T) {
	env := screentest.New(t, emulator.Options{}, "alice@example.com")
	m := New(env.Ctx, received(t, env, "alice@example.com", "PENDING"))
	d := screentest.Start(t, m)
	if v := m.View(); !contains(v, "Checking your session") {
		t.Fatalf("before the gate: %q", v)
	}
	env.Ctx.GatePassed = true
	d.Send(common.IdentityMsg{})
	d.WaitView("umbrella", "pending", "accept and switch to umbrella")
}

func TestAcceptSwitchesThroughTheRootAndGoesHome(t *testing.T) {
	env, d, m := signedIn(t, umbrellaInvitation(t))
	d.WaitView("umbrella", "Invited by", "bob@example.com", "pending")
	d.Type("a")
	via := d.WaitRoot("the switch request", func(m tea.Msg) bool { _, ok := m.(common.SwitchViaMsg); return ok }).(common.SwitchViaMsg)
	if enabled(m, "a") {
		t.Fatal("accept still offered while the accept runs")
	}
	d.WaitView("Joining umbrella…")
	done, switched := env.RunSwitch(t, via)
	if done.Err != nil || switched == nil || switched.Org.ExternalID != "org_umbrella" {
		t.Fatalf("accept: %v %+v", done.Err, switched)
	}
	d.Send(*switched, done)
	d.WaitRoot("home", func(m tea.Msg) bool {
		o, ok := m.(common.OpenMsg)
		return ok && o.Route == common.RouteHome && o.Reset
	})
}

func TestDeclineShowsTheNewState(t *testing.T) {
	_, d, m := signedIn(t, umbrellaInvitation(t))
	d.WaitView("pending")
	d.Type("d")
	d.WaitView("This invitation was declined", "declined")
	if m.Invitation().Status != api.InvitationRefused || enabled(m, "a") {
		t.Fatalf("after decline: %s, accept enabled %v", m.Invitation().Status, enabled(m, "a"))
	}
}

func TestAcceptingAnAnsweredInvitationSaysSoInPlace(t *testing.T) {
	env, d, _ := signedIn(t, umbrellaInvitation(t))
	d.WaitView("pending")
	// Answered elsewhere (another terminal, the web panel) after it loaded.
	if _, err := env.App.API.DeclineOrganizationInvitation(env.Ctx.Ctx, d.Screen.(*Model).id); err != nil {
		t.Fatal(err)
	}
	d.Type("a")
	via := d.WaitRoot("the switch request", func(m tea.Msg) bool { _, ok := m.(common.SwitchViaMsg); return ok }).(common.SwitchViaMsg)
	done, switched := env.RunSwitch(t, via)
	if switched != nil || !api.IsValidation(done.Err) {
		t.Fatalf("accepting a declined invitation: %v", done.Err)
	}
	d.Send(done)
	d.WaitView("no longer pending", "This invitation was declined")
}

func TestNotForThisAccount(t *testing.T) {
	// acme's invitation to dave: alice may not see it.
	_, d, _ := signedIn(t, func(env *screentest.Env) string {
		for _, i := range env.Srv.State().Invitations("org_acme") {
			if i.Email == "dave@example.com" {
				return i.ID
			}
		}
		t.Fatal("no invitation to dave")
		return ""
	})
	d.WaitView("No invitation", "alice@example.com", "sent to another address")
	if enabled(d.Screen, "a") || enabled(d.Screen, "r") {
		t.Fatal("accept or retry offered for a missing invitation")
	}
}

func TestExpiredAndAcceptedSayWhatHappened(t *testing.T) {
	ctx := common.NewContext(t.Context(), true, nil)
	ctx.GatePassed = true
	m := New(ctx, "inv-1")
	m.loading = ctx.Stamp()
	from := &api.PublicUser{Email: "bob@example.com"}
	past := api.Time{Time: time.Now().Add(-time.Hour)}
	m.Update(loadedMsg{stamp: m.loading, inv: &api.OrganizationInvitation{ID: "inv-1", Status: api.InvitationPending,
		ExpiresAt: past, Inviter: from, Organization: &api.PublicOrganization{Name: "umbrella"}}})
	if v := m.View(); !contains(v, "expired") || !contains(v, "Ask bob@example.com to send a new one") || enabled(m, "a") {
		t.Fatalf("a pending invitation past its expiry:\n%s", v)
	}
	m.inv.Status, m.inv.ExpiresAt = api.InvitationAccepted, api.Time{}
	if v := m.View(); !contains(v, "was accepted") || enabled(m, "a") {
		t.Fatalf("accepted:\n%s", v)
	}
}

func TestLoadFailureRetriesAndTheFunnelOwnsRevoked(t *testing.T) {
	ctx := common.NewContext(t.Context(), true, nil)
	ctx.GatePassed = true
	m := New(ctx, "inv-1")
	m.loading = ctx.Stamp()
	m.Update(loadedMsg{stamp: m.loading, err: &api.Error{Status: 503, Message: "unavailable"}})
	if v := m.View(); !contains(v, "Could not load the invitation") || !enabled(m, "r") {
		t.Fatalf("failed load:\n%s", v)
	}
	// A late answer of an older load is dropped.
	old := m.loading
	m.loading = ctx.Stamp()
	m.Update(loadedMsg{stamp: old, inv: &api.OrganizationInvitation{Status: api.InvitationPending}})
	if m.Invitation() != nil {
		t.Fatal("an answer nobody waits for was shown")
	}
	want := m.loading
	_, cmd := m.Update(loadedMsg{stamp: want, err: auth.ErrSessionRevoked})
	if msg, ok := run(cmd).(common.ErrorMsg); !ok || msg.Stamp != want {
		t.Fatalf("a revoked session did not go to the funnel: %#v", run(cmd))
	}
}

func enabled(s common.Screen, k string) bool {
	for _, b := range s.ShortHelp() {
		if b.Enabled() && key.Matches(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}, b) {
			return true
		}
	}
	return false
}

func run(cmd tea.Cmd) tea.Msg {
	if cmd == nil {
		return nil
	}
	return cmd()
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
