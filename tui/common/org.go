package common

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/api"
)

// SwitchOrgMsg asks the root to switch to Org (B15). The root runs the one
// switch path (app.SwitchOrganization), shows Org at once from the data the
// asking screen already had, and broadcasts OrgSwitchedMsg.
type SwitchOrgMsg struct{ Org api.Organization }

// SwitchPreviousOrgMsg asks the root to switch back to the previous
// organization (the `-` key, B14).
type SwitchPreviousOrgMsg struct{}

// OrgSwitchedMsg is broadcast to every screen once the new organization's
// token is in effect. Gen is the new generation: screens drop what they hold
// of the old organization and reload.
type OrgSwitchedMsg struct {
	Org api.Organization
	Gen Generation
}

// IdentityMsg is broadcast when the root learns more about who and where
// the user is (gate, switch completion, project change). Nil fields are
// unknown; the same values are in Context.
type IdentityMsg struct {
	User    *api.User
	Org     *api.Organization
	Project *api.Project
}

// ProjectChosenMsg tells the root a screen made Project current (B17), so
// the header and Context follow.
type ProjectChosenMsg struct{ Project api.Project }

// SwitchOrg returns a command asking the root to switch to org.
func SwitchOrg(org api.Organization) tea.Cmd { return msgCmd(SwitchOrgMsg{Org: org}) }

// SwitchPrevious returns a command asking the root to switch back.
func SwitchPrevious() tea.Cmd { return msgCmd(SwitchPreviousOrgMsg{}) }

// ProjectChosen returns a command telling the root about a new current project.
func ProjectChosen(p api.Project) tea.Cmd { return msgCmd(ProjectChosenMsg{Project: p}) }
