// Package common is the contract between the root model (package tui) and
// every screen (tui/screens/<name>): the Screen interface, the screen
// registry's row (ScreenSpec), the navigation messages, the shared Context
// (with App, the product operations a screen may use), the error funnel and
// the request stamps.
//
// # The product
//
// A screen asks the product for data and actions through Context.App (the
// App interface, which *app.App satisfies) and names the product's types
// through package app. It never imports auth, api or store: the lint fails
// the build when one does (depguard, .golangci.yml).
//
// # Screens
//
// A screen implements Screen. Its package declares its Route and exports a
// constructor `New(ctx *common.Context, …) *Model`; one row of the screen
// registry (ScreenSpec in the root's table, tui/registry.go) gives it its
// global key, title, help line, gate (NeedsOrganization, OutsideGate,
// Overlay) and constructor. That row is all the root needs: routing, the
// global keys, help and the gate read the registry. The root sizes every
// screen with SetSize before its first View and again on every resize; View
// must cope with a zero size.
//
// # Navigation
//
// Screens never hold the stack. They return commands built by Push, Replace,
// Back, Open (by Route, so it can travel as `next`) and SignIn ("sign in, then
// come back to this route", B4). The root owns the stack.
//
// # Keys
//
// Precedence, decided by the root: ctrl+c quits; when the screen's Capturing
// reports true (a focused text input, filter or modal) every other key goes
// to the screen, so `q` types a q; otherwise a key matching one of the
// screen's own enabled help bindings goes to the screen; otherwise the global
// keys (tui/keys.Global) fire; anything left goes to the screen. A screen
// therefore claims a key (even esc or `-`) by listing it in its help.
//
// # Network results
//
// The root addresses results: whatever message a screen's command returns
// comes back to that screen alone, and is dropped by the root when the
// screen has left the stack or the organization Generation changed since the
// command started (a switch, a sign-in, a sign-out). A screen therefore
// never sees another screen's results, nor a late member list of the old
// organization. Only IdentityMsg and OrgSwitchedMsg go to every screen;
// SwitchFinishedMsg goes to the screen that asked for the switch. Inside a
// screen, a Stamp (ctx.Stamp()) carried by the request and its result still
// tells the newest of two loads from an older one (Stamp.Answers). Commands
// capture copied values, never the model.
//
// # Errors
//
// One funnel: a screen that gets an error it does not show in place (a 400's
// field errors belong next to the input) returns ReportError(err). The root
// sends login-required and revoked sessions to the sign-in screen with the
// current route as `next`, shows "Token rejected" as the deactivated state,
// and puts anything else on the status line. No screen quits on an error.
//
// # Session
//
// Screens never sign out or in themselves: SignOut() asks the root (B7; it
// ends the generation first), SignedOut(reason) reports a session already
// ended (leaving the last organization), SignIn(next, reason) sends the user
// to sign in and back to next. Context.GatePassed says whether the auth gate
// (B12) has loaded the profile and the current organization; a screen built
// before (home, drawn from the local store) waits for IdentityMsg.
// Context.SignedOut says no session exists. Two screens live outside the
// gate: sign-in, and the invitation landing (RouteInvitation), which works
// signed out and offers SignInWith(its route, …) so the user comes back to it.
//
// # Organization switch
//
// All switching lives in the root: a screen asks with SwitchOrg(org),
// SwitchPrevious(), or SwitchVia(...) for an operation that ends in a switch
// (app.CreateOrganization, app.AcceptInvitation). The root runs it with its
// progress callback, bumps the generation and broadcasts OrgSwitchedMsg as
// soon as the new token is in effect, IdentityMsg when the organization and
// project arrive, and SwitchFinishedMsg at the end.
package common
