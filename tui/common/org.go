package common

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
)

// SwitchOrgMsg asks the root to switch to Org (B15). The root runs the one
// switch path (app.SwitchOrganization), shows Org at once from the data the
// asking screen already had, and broadcasts OrgSwitchedMsg.
type SwitchOrgMsg struct{ Org app.Organization }

// SwitchViaMsg asks the root to run an operation that ends in a switch
// (app.CreateOrganization, app.AcceptInvitation): the root passes its own
// progress callback, so the header, the generation and OrgSwitchedMsg work
// as for SwitchOrgMsg. Stamp comes back in SwitchFinishedMsg.
type SwitchViaMsg struct {
	Label string // for the status line: "creating acme"
	Run   func(ctx context.Context, progress func(app.SwitchProgress)) (*app.SwitchResult, error)
	Stamp Stamp
}

// SwitchFinishedMsg is broadcast when any switch ends. Stamp is the asking
// SwitchViaMsg's (zero for SwitchOrgMsg and `-`). A 400 (api.IsValidation)
// is left to the asking screen to show next to its input; every other error
// also goes through the funnel.
type SwitchFinishedMsg struct {
	Stamp  Stamp
	Result *app.SwitchResult
	Err    error
}

// SwitchPreviousOrgMsg asks the root to switch back to the previous
// organization (the `-` key, B14).
type SwitchPreviousOrgMsg struct{}

// OrgSwitchedMsg is broadcast to every screen once the new organization's
// token is in effect. Gen is the new generation: screens drop what they hold
// of the old organization and reload.
type OrgSwitchedMsg struct {
	Org app.Organization
	Gen Generation
}

// IdentityMsg is broadcast when the root learns more about who and where
// the user is (gate, switch completion, project change). Nil fields are
// unknown; the same values are in Context.
type IdentityMsg struct {
	User    *app.User
	Org     *app.Organization
	Project *app.Project
}

// ProjectChosenMsg tells the root a screen made Project current (B17), so
// the header and Context follow.
type ProjectChosenMsg struct{ Project app.Project }

// SwitchOrg returns a command asking the root to switch to org.
func SwitchOrg(org app.Organization) tea.Cmd { return msgCmd(SwitchOrgMsg{Org: org}) }

// SwitchVia returns a command asking the root to run a switching operation.
func SwitchVia(s Stamp, label string, run func(context.Context, func(app.SwitchProgress)) (*app.SwitchResult, error)) tea.Cmd {
	return msgCmd(SwitchViaMsg{Label: label, Run: run, Stamp: s})
}

// SwitchPrevious returns a command asking the root to switch back.
func SwitchPrevious() tea.Cmd { return msgCmd(SwitchPreviousOrgMsg{}) }

// ProjectChosen returns a command telling the root about a new current project.
func ProjectChosen(p app.Project) tea.Cmd { return msgCmd(ProjectChosenMsg{Project: p}) }
