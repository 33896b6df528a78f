package main

import (
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/panel-dev/panel/emulator"
)

// 20 `panel token` processes started together when the access token is due: all succeed with the same
// token, exactly one refresh happens (the refresh token is never presented twice), and the session survives.
func TestTokenRaceAtExpiry(t *testing.T) {
	e := newTestEnv(t, emulator.Options{AccessTokenTTL: 15 * time.Second})
	env := e.environ()
	if _, errOut, code := e.run(env, "", "login", "--email", "alice@example.com"); code != 0 {
		t.Fatalf("login: %s", errOut)
	}
	e.waitUntilDue("org_acme")
	e.clearRequests()
	procs := make([]*panelProc, 20)
	for i := range procs {
		procs[i] = e.start(env, "token")
	}
	tokens := map[string]bool{}
	for i, p := range procs {
		if code := p.wait(t); code != 0 {
			t.Fatalf("process %d exited %d:\n%s", i, code, p.stderr.String())
		}
		tokens[strings.TrimSpace(p.stdout.String())] = true
	}
	refreshes := e.requestCount(http.MethodPost, "/user_management/authenticate")
	t.Logf("20 processes at expiry: %d refresh(es), %d distinct token(s)", refreshes, len(tokens))
	// One refresh per expiry: the first process refreshes under the session lock, the others wait and
	// re-read the token it stored.
	if refreshes != 1 || len(tokens) != 1 {
		t.Fatalf("%d refreshes and %d distinct tokens for 20 processes at one expiry, want 1 and 1", refreshes, len(tokens))
	}
	if _, errOut, code := e.run(env, "", "status"); code != 0 {
		t.Fatalf("the session did not survive:\n%s", errOut)
	}
}

// Processes pinned to two organizations (PANEL_ORGANIZATION_ID), each refreshing (the token lifetime is
// inside the 10 s margin), share one rotating refresh token and get tokens of their own organization.
func TestTokenRaceTwoOrganizations(t *testing.T) {
	e := newTestEnv(t, emulator.Options{AccessTokenTTL: 5 * time.Second})
	if _, errOut, code := e.run(e.environ(), "", "login", "--email", "alice@example.com"); code != 0 {
		t.Fatalf("login: %s", errOut)
	}
	e.clearRequests()
	type proc struct {
		org string
		p   *panelProc
	}
	var procs []proc
	for i := range 20 {
		org := []string{"org_acme", "org_globex"}[i%2]
		procs = append(procs, proc{org, e.start(e.environ("PANEL_ORGANIZATION_ID="+org), "token")})
	}
	for i, pr := range procs {
		if code := pr.p.wait(t); code != 0 {
			t.Fatalf("process %d (%s) exited %d:\n%s", i, pr.org, code, pr.p.stderr.String())
		}
		if got := orgClaim(t, strings.TrimSpace(pr.p.stdout.String())); got != pr.org {
			t.Fatalf("process %d pinned to %s got a token of %s", i, pr.org, got)
		}
	}
	t.Logf("20 processes on two organizations: %d refreshes",
		e.requestCount(http.MethodPost, "/user_management/authenticate"))
	out, errOut, code := e.run(e.environ(), "", "status", "--json")
	if code != 0 || !strings.Contains(out, `"external_id": "org_acme"`) {
		t.Fatalf("after the race, status exited %d (the stored default must still be org_acme):\n%s%s", code, out, errOut)
	}
}

func orgClaim(t *testing.T, tok string) string {
	t.Helper()
	mc := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(tok, mc); err != nil {
		t.Fatalf("not a JWT (%d bytes): %v", len(tok), err)
	}
	org, _ := mc["org_id"].(string)
	return org
}

// waitUntilDue waits until the stored access token of org is inside the 10-second refresh margin.
func (e *testEnv) waitUntilDue(org string) {
	e.t.Helper()
	b, err := os.ReadFile(e.dir + "/profiles/default/tokens.json")
	if err != nil {
		e.t.Fatal(err)
	}
	var file struct {
		Access map[string]struct {
			ExpiresAt time.Time `json:"expires_at"`
		} `json:"access_tokens"`
	}
	if err := json.Unmarshal(b, &file); err != nil {
		e.t.Fatal(err)
	}
	due := file.Access[org].ExpiresAt.Add(-10 * time.Second)
	if due.IsZero() || time.Until(due) > time.Minute {
		e.t.Fatalf("no stored token of %s to wait for", org)
	}
	for time.Now().Before(due) {
		time.Sleep(50 * time.Millisecond) // the condition is the clock itself
	}
}

func (e *testEnv) clearRequests() {
	e.t.Helper()
	req, _ := http.NewRequest(http.MethodDelete, e.srv.URL+"/_emulator/requests", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	res.Body.Close()
}
