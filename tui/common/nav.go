package common

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/api"
)

// PushMsg puts a screen on top of the stack.
type PushMsg struct{ Screen Screen }

// ReplaceMsg replaces the top screen.
type ReplaceMsg struct{ Screen Screen }

// BackMsg pops the top screen (the home screen is never popped).
type BackMsg struct{}

// OpenMsg opens the screen of a route. Reset clears the stack first, so the
// route lands directly on top of the home screen.
type OpenMsg struct {
	Route Route
	Reset bool
}

// SignInMsg leaves the authenticated screens for the sign-in screen; after
// signing in the user lands on Next (B4; "" = where they were). Reason is
// shown on the sign-in screen ("your session was revoked").
type SignInMsg struct {
	Next   Route
	Reason string
	Start  SignInStart
}

// SignInStart says how the sign-in screen starts.
type SignInStart int

const (
	// SignInChoose lets the user choose (browser, sign-up, device code).
	SignInChoose SignInStart = iota
	// SignInBrowser opens the browser sign-in at once.
	SignInBrowser
	// SignInSignUp opens the browser on the sign-up page at once.
	SignInSignUp
)

// SignedInMsg is sent by the sign-in screen when a session exists; the root
// then runs the auth gate and lands on Next (unknown or empty: home).
type SignedInMsg struct {
	Next Route
	// Asked is the organization the sign-in set out to land in (nil: none); the root says so when the
	// session lands elsewhere (B28).
	Asked *api.Organization
}

// QuitMsg asks the root to quit.
type QuitMsg struct{}

func msgCmd(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// Push returns a command that pushes s.
func Push(s Screen) tea.Cmd { return msgCmd(PushMsg{Screen: s}) }

// Replace returns a command that replaces the top screen with s.
func Replace(s Screen) tea.Cmd { return msgCmd(ReplaceMsg{Screen: s}) }

// Back returns a command that pops the top screen.
func Back() tea.Cmd { return msgCmd(BackMsg{}) }

// Open returns a command that opens route on top of the stack.
func Open(r Route) tea.Cmd { return msgCmd(OpenMsg{Route: r}) }

// OpenFresh returns a command that opens route over the home screen alone.
func OpenFresh(r Route) tea.Cmd { return msgCmd(OpenMsg{Route: r, Reset: true}) }

// SignIn returns a command that sends the user to sign in and back to next.
func SignIn(next Route, reason string) tea.Cmd {
	return msgCmd(SignInMsg{Next: next, Reason: reason})
}

// SignInWith is SignIn starting the browser sign-in (or sign-up) at once,
// for a screen where the user already chose (the invitation landing).
func SignInWith(next Route, reason string, start SignInStart) tea.Cmd {
	return msgCmd(SignInMsg{Next: next, Reason: reason, Start: start})
}

// SignedIn returns a command that tells the root a session now exists.
func SignedIn(next Route) tea.Cmd { return msgCmd(SignedInMsg{Next: next}) }

// SignedInTo is SignedIn for a sign-in that asked for an organization.
func SignedInTo(next Route, asked *api.Organization) tea.Cmd {
	return msgCmd(SignedInMsg{Next: next, Asked: asked})
}

// Quit returns a command that quits the TUI.
func Quit() tea.Cmd { return msgCmd(QuitMsg{}) }

// SignedOutMsg tells the root the session ended (sign-out `S`, leaving the
// last organization): it starts a new generation, clears what it knew and
// shows the sign-in screen with Reason.
type SignedOutMsg struct{ Reason string }

// SignedOut returns a command that tells the root the session ended.
func SignedOut(reason string) tea.Cmd { return msgCmd(SignedOutMsg{Reason: reason}) }

// SignOutMsg asks the root to sign out (B7): it starts a new generation at
// once, so nothing in flight lands afterwards, runs app.SignOut and shows the
// sign-in screen saying what happened.
type SignOutMsg struct{}

// SignOut returns a command that asks the root to sign out.
func SignOut() tea.Cmd { return msgCmd(SignOutMsg{}) }
