package app_test

import (
	"errors"
	"net/http"
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/emulator"
)

// switchedAway signs alice in (acme) and switches to globex, so that acme's token is held and valid, and
// empties the request log.
func switchedAway(t *testing.T) *env {
	t.Helper()
	e := newEnv(t, startEmulator(t, emulator.Options{}), "alice@example.com")
	if _, err := e.app.SwitchOrganization(ctx(t), e.org("globex"), nil); err != nil {
		t.Fatal(err)
	}
	e.clearRequests()
	return e
}

// authenticateCalls and apiCalls split the emulator's request log between WorkOS's authenticate and the API.
func (e *env) authenticateCalls() (authenticate int, reads []logged) {
	for _, r := range e.requests() {
		switch {
		case r.Method == http.MethodPost && r.Path == "/user_management/authenticate":
			authenticate++
		case isAPI(r):
			reads = append(reads, r)
		}
	}
	return authenticate, reads
}

// `-` back to an organization whose token the session holds, still valid: no WorkOS call, the organization
// and its default project read at once (one round trip); the new organization shows before they answer.
func TestSwitchBackWithAHeldTokenIsOneRoundTrip(t *testing.T) {
	e := switchedAway(t)
	var steps []app.SwitchStep
	res, err := e.app.SwitchPrevious(ctx(t), func(p app.SwitchProgress) { steps = append(steps, p.Step) })
	if err != nil || res.Organization.ExternalID != "org_acme" || res.Project == nil || res.Previous != "org_globex" {
		t.Fatalf("switch back = %+v, %v", res, err)
	}
	if len(steps) != 2 || steps[0] != app.SwitchTokenReady || steps[1] != app.SwitchLoaded {
		t.Errorf("steps = %v", steps)
	}
	authenticate, reads := e.authenticateCalls()
	if authenticate != 0 || len(reads) != 2 {
		t.Fatalf("switch back: %d authenticate calls (want 0), API reads %+v (want the organization and its project)", authenticate, reads)
	}
	// And forth again: the same.
	e.clearRequests()
	if _, err := e.app.SwitchPrevious(ctx(t), nil); err != nil {
		t.Fatal(err)
	}
	if authenticate, reads := e.authenticateCalls(); authenticate != 0 || len(reads) != 2 {
		t.Fatalf("switch forth: %d authenticate calls, %d API reads", authenticate, len(reads))
	}
}

// The organization read of a switch with a held token is the session check: a session revoked meanwhile
// is caught by it (B10). The refresh that follows, refused, tells it from a lost membership.
func TestSwitchBackCatchesARevokedSession(t *testing.T) {
	e := switchedAway(t)
	e.hook(http.MethodPost, "sessions/revoke", map[string]any{"email": "alice@example.com"})
	var shown []string
	_, err := e.app.SwitchPrevious(ctx(t), func(p app.SwitchProgress) { shown = append(shown, p.Organization.ExternalID) })
	if !errors.Is(err, auth.ErrSessionRevoked) {
		t.Fatalf("switch back after the session was revoked = %v, want revoked", err)
	}
	if _, reads := e.authenticateCalls(); !readCurrentOrganizationRefused(reads) {
		t.Fatalf("API reads %+v: the organization read did not catch it", reads)
	}
	if len(shown) != 2 || shown[0] != "org_acme" || shown[1] != "org_globex" {
		t.Errorf("organizations shown = %v, want acme at once, then globex again when the token was refused", shown)
	}
	if _, err := e.app.Session.Info(ctx(t)); !errors.Is(err, auth.ErrLoginRequired) {
		t.Fatalf("after a revoked session was caught: Info = %v, want signed out", err)
	}
}

// A membership lost while the token was held is caught by the same read: the switch does not land there.
func TestSwitchBackCatchesALostMembership(t *testing.T) {
	e := switchedAway(t)
	e.hook(http.MethodPost, "memberships/remove", map[string]string{"email": "alice@example.com", "organization_id": "org_acme"})
	res, err := e.app.SwitchPrevious(ctx(t), nil)
	if err == nil {
		t.Fatalf("switch back into an organization the user left = %+v, want an error", res)
	}
	if _, reads := e.authenticateCalls(); !readCurrentOrganizationRefused(reads) {
		t.Fatalf("API reads %+v: the organization read did not catch it", reads)
	}
	info, err := e.app.Session.Info(ctx(t))
	if err != nil || info.OrganizationID != "org_globex" || info.DefaultOrganizationID != "org_globex" {
		t.Fatalf("after the refused switch back: %+v, %v; want the session and the default still in globex", info, err)
	}
}

func readCurrentOrganizationRefused(reads []logged) bool {
	for _, r := range reads {
		if r.Path == api.PathCurrentOrganization && r.Status == http.StatusForbidden {
			return true
		}
	}
	return false
}
