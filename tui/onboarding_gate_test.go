package tui

import (
	"testing"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/hooks"
)

// An API that answers a 400 (not a 404) to a token without an organization: the gate lands on
// onboarding, as the web panel does for any client error there but a 403 (B23).
func TestGateSendsAnyClientErrorWithoutOrganizationToOnboarding(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	addFault(t, e.srv, hooks.Fault{Method: "GET", Path: "/v1/account/organization", Status: 400,
		ContentType: "application/json", Body: `{"status":400,"code":"invalid_argument","message":"organization_id is not set"}`})
	deps := e.deps()
	deps.SignInEmail = "carol@example.com"
	d := startModel(t, deps)
	d.signIn()
	d.WaitView("Welcome to panel")
}
