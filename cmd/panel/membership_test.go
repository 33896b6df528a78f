package main

import (
	"strings"
	"testing"

	"github.com/panel-dev/panel/emulator"
)

// A 403 on the session check is told apart before anyone is signed out, through the built binary: a lost
// membership keeps the session and moves it to the previous organization with a clear message; a revoked
// session still signs out (exit 4).
func TestLostMembershipKeepsTheSessionRevokedSignsOut(t *testing.T) {
	bin := buildPanel(t)
	signedInGlobex := func(t *testing.T) (*testEnv, []string) {
		e := newTestEnv(t, emulator.Options{})
		env := e.environ()
		e.mustRunBinary(bin, env, "login", "--email", "alice@example.com")
		e.mustRunBinary(bin, env, "orgs", "switch", "org_globex")
		return e, env
	}
	run := func(e *testEnv, env []string, args ...string) (string, string, int) {
		p := e.startBinary(bin, env, args...)
		code := p.wait(e.t)
		return p.stdout.String(), p.stderr.String(), code
	}

	t.Run("status after the membership was removed", func(t *testing.T) {
		e, env := signedInGlobex(t)
		e.hook("memberships/remove", map[string]any{"email": "alice@example.com", "organization_id": "org_globex"})
		out, errOut, code := run(e, env, "status")
		if code != 0 || !strings.Contains(errOut, "no longer a member of globex") || !strings.Contains(out, "acme") {
			t.Fatalf("panel status: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
		}
		assertSignedIn(e, bin, env)
		if out, errOut, code := run(e, env, "status"); code != 0 || errOut != "" || !strings.Contains(out, "acme") {
			t.Fatalf("the next panel status: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
		}
	})

	t.Run("a command after the membership was removed", func(t *testing.T) {
		e, env := signedInGlobex(t)
		e.hook("memberships/remove", map[string]any{"email": "alice@example.com", "organization_id": "org_globex"})
		_, errOut, code := run(e, env, "projects", "list")
		if code != 1 || !strings.Contains(errOut, "no longer a member of globex") || !strings.Contains(errOut, "now in acme") ||
			!strings.Contains(errOut, "run the command again") {
			t.Fatalf("panel projects list: exit %d\n%s", code, errOut)
		}
		assertSignedIn(e, bin, env)
	})

	t.Run("a 403 right after a switch", func(t *testing.T) {
		e := newTestEnv(t, emulator.Options{})
		env := e.environ()
		e.mustRunBinary(bin, env, "login", "--email", "alice@example.com")
		e.hook("faults", map[string]any{"method": "GET", "path": "/v1/account/organization", "status": 403,
			"body": `{"status":403,"code":"forbidden","message":"You are not a member of this organization"}`, "count": 1})
		_, errOut, code := run(e, env, "orgs", "switch", "globex")
		if code != 1 || !strings.Contains(errOut, "no longer a member of globex") || !strings.Contains(errOut, "now in acme") {
			t.Fatalf("panel orgs switch: exit %d\n%s", code, errOut)
		}
		assertSignedIn(e, bin, env)
	})

	t.Run("a revoked session", func(t *testing.T) {
		e, env := signedInGlobex(t)
		e.hook("sessions/revoke", map[string]any{"email": "alice@example.com"})
		_, errOut, code := run(e, env, "status")
		if code != exitNotSignedIn || !strings.Contains(errOut, "revoked") {
			t.Fatalf("panel status: exit %d\n%s", code, errOut)
		}
		if _, errOut, code := run(e, env, "token"); code != exitNotSignedIn {
			t.Fatalf("panel token after the revocation: exit %d\n%s", code, errOut)
		}
	})
}

// assertSignedIn: the next `panel token` still finds the session.
func assertSignedIn(e *testEnv, bin string, env []string) {
	e.t.Helper()
	p := e.startBinary(bin, env, "token")
	if code := p.wait(e.t); code != 0 {
		e.t.Fatalf("signed out: panel token exits %d\n%s", code, p.stderr.String())
	}
}
