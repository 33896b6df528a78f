package tui

import (
	"testing"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/tui/common"
)

// invite has alice invite email to acme and returns the invitation's route.
func (e *env) invite(email string) common.Route {
	e.t.Helper()
	alice, _ := e.srv.State().UserByEmail("alice@example.com")
	inv, err := e.srv.State().CreateInvitation("org_acme", alice.ID, email, "member")
	if err != nil {
		e.t.Fatal(err)
	}
	return common.RouteInvitation.With(inv.ID)
}

// `panel --invitation <id>` signed out: the landing explains and offers
// sign-up; a new user signs up, lands back on the invitation (over
// onboarding: no organization yet) and accepts into acme.
func TestInvitationLinkSignedOutSignUpThenAccept(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	deps := e.deps()
	deps.Start = e.invite("frank@example.com")
	deps.SignInEmail = "frank@example.com" // not a user yet: the sign-up creates him
	d := startModel(t, deps)
	d.WaitView("Someone invited you", "create an account (sign up)")
	if d.route() != string(deps.Start) || len(d.m.stack) != 1 {
		t.Fatalf("signed out: route %q with %d screens, want the landing alone", d.route(), len(d.m.stack))
	}
	d.Press("s")
	d.WaitView("acme", "Invited by", "alice@example.com", "accept and switch to acme")
	if d.route() != string(deps.Start) || d.m.stack[0].screen.Route() != common.RouteOnboarding {
		t.Fatalf("after sign-up: %q over %q, want the invitation over onboarding", d.route(), d.m.stack[0].screen.Route())
	}
	d.Press("a")
	d.WaitView("org acme", "Joined acme and switched to it.")
	d.WaitFor("home", func() bool { return d.route() == "home" && len(d.m.stack) == 1 })
}

// With a stored session the landing shows over home at once, loads the
// invitation after the gate, and esc goes back to home.
func TestInvitationLinkSignedInDeclines(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	first := startModel(t, e.deps())
	first.signIn()
	var route common.Route
	for _, i := range e.srv.State().ReceivedInvitations("alice@example.com") {
		route = common.RouteInvitation.With(i.ID) // umbrella's, pending
	}
	deps := e.deps()
	deps.Start = route
	d := startModel(t, deps)
	if d.route() != string(route) {
		t.Fatalf("first frame on %q, want the invitation", d.route())
	}
	d.WaitView("umbrella", "pending", "org acme")
	d.Press("d")
	d.WaitView("This invitation was declined", "Declined the invitation to umbrella")
	d.Press("esc")
	d.WaitFor("home", func() bool { return d.route() == "home" })
}

// The sign-in screen with `next` = an invitation says so, and `v` goes back
// to the landing, still signed out.
func TestSignInScreenLeadsBackToTheInvitation(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	deps := e.deps()
	noBrowser(t, &deps)
	deps.Start = e.invite("carol@example.com")
	d := startModel(t, deps)
	d.WaitView("Someone invited you")
	d.Press("enter")
	d.WaitView("Sign in to panel", "No browser could be opened here")
	d.Press("esc")
	d.WaitView("the invitation opens next", "back to the invitation")
	d.Press("v")
	d.WaitView("Someone invited you")
	if d.route() != string(deps.Start) || d.m.auth != authSignedOut {
		t.Fatalf("route %q (auth %v), want the landing signed out", d.route(), d.m.auth)
	}
}

// Accepting from the received tab switches: the status line says so and
// names the organization left.
func TestAcceptingSaysItSwitched(t *testing.T) {
	_, d := startSignedIn(t)
	d.WaitView("org acme", "1 pending")
	d.Press("i")
	d.WaitView("[Sent]")
	d.Press("tab")
	d.WaitView("umbrella")
	d.Press("a")
	d.WaitView("org umbrella", "Joined umbrella and switched to it (was acme).")
}
