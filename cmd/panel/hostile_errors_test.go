package main

import (
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/seed"
	"github.com/panel-dev/panel/internal/termsafe/termsafetest"
)

// hostileWords is server text for error messages and the device flow: every class of sequence, a line
// break that would forge a line, and (where a URL query can carry them) bytes that are not UTF-8.
const hostileWords = "refused\x1b]0;PWNED-TITLE\x07\x1b]52;c;UFdORUQtQ0xJUA==\x07\x1b[2J\x1b]8;;https://evil.example/\x07" +
	"\x1bc\x07\r\b\x7f\u009b2J\u009d0;PWNED-TITLE\u009c\u202e\u2066\x1b[5;8m\nFORGED error line"

// TestHostileTextInErrors: the words of a server's error — an API message and its field errors, WorkOS's
// error_description at the code exchange and in the browser redirect (with bytes that are not UTF-8), and
// the device flow's user_code and verification_uri — reach the terminal sanitized, through the real binary.
func TestHostileTextInErrors(t *testing.T) {
	e := newTestEnv(t, emulator.Options{Seed: seed.Hostile()})
	env := e.environ()
	if _, errOut, code := e.run(env, "", "login", "--email", "alice@example.com"); code != 0 {
		t.Fatalf("login exited %d:\n%s", code, errOut)
	}
	check := func(where, out, errOut string) {
		t.Helper()
		termsafetest.Assert(t, where, out, false)
		termsafetest.Assert(t, where+" (stderr)", errOut, false)
		if !strings.Contains(errOut, "PWNED-TITLE") {
			t.Errorf("%s did not show the server's words:\n%s", where, errOut)
		}
	}

	apiBody, _ := json.Marshal(map[string]any{"code": "invalid_argument", "message": hostileWords,
		"fields": []map[string]string{{"field": "name" + hostileWords, "description": hostileWords}}})
	e.hook("faults", map[string]any{"method": "POST", "path": "/v1/organizations", "status": 400,
		"body": string(apiBody), "content_type": "application/json", "count": 1})
	out, errOut, code := e.run(env, "", "orgs", "create", "newco")
	if code == 0 {
		t.Fatalf("orgs create succeeded under the fault:\n%s", out)
	}
	check("an API error", out, errOut)

	e.hook("faults", map[string]any{"method": "GET", "path": "/v1/account/organizations", "status": 409,
		"body": string(apiBody), "content_type": "application/json", "count": 2})
	out, errOut, _ = e.run(env, "", "orgs", "list")
	check("an API error on a list", out, errOut)

	workosBody, _ := json.Marshal(map[string]string{"error": "invalid_grant", "error_description": hostileWords})
	e.hook("faults", map[string]any{"method": "POST", "path": "/user_management/authenticate", "status": 400,
		"body": string(workosBody), "content_type": "application/json", "count": 1})
	out, errOut, code = e.run(env, "", "login", "--force", "--email", "alice@example.com")
	if code == 0 {
		t.Fatalf("login succeeded under the fault:\n%s", errOut)
	}
	check("WorkOS's error_description", out, errOut)

	hostileBrowser := "env PANEL_TEST_HOSTILE_BROWSER=1 " + os.Args[0] + " -test.run=^TestHostileBrowser$"
	out, errOut, code = e.run(e.environ("BROWSER="+hostileBrowser), "", "login", "--force")
	if code == 0 {
		t.Fatalf("login succeeded with a refusing redirect:\n%s", errOut)
	}
	check("the redirect's error_description", out, errOut)

	device, _ := json.Marshal(map[string]any{"device_code": "hostile-device-code", "user_code": "CODE" + hostileWords,
		"verification_uri": "https://evil.example/" + hostileWords, "verification_uri_complete": "https://evil.example/?" + hostileWords,
		"expires_in": 2, "interval": 1})
	e.hook("faults", map[string]any{"method": "POST", "path": "/user_management/authorize/device", "status": 200,
		"body": string(device), "content_type": "application/json", "count": 1})
	out, errOut, _ = e.run(env, "", "login", "--force", "--device", "--timeout", "3s")
	check("the device code screen", out, errOut)
}

// TestHostileBrowser plays a browser (as BROWSER) whose sign-in ends in an error redirect with hostile
// words, bytes that are not UTF-8 among them, in error_description. It skips in a normal test run.
func TestHostileBrowser(t *testing.T) {
	if os.Getenv("PANEL_TEST_HOSTILE_BROWSER") != "1" {
		t.Skip("a browser for TestHostileTextInErrors, not a test of its own")
	}
	authorize, err := url.Parse(os.Args[len(os.Args)-1])
	if err != nil {
		os.Exit(2)
	}
	q := authorize.Query()
	back, err := url.Parse(q.Get("redirect_uri"))
	if err != nil {
		os.Exit(2)
	}
	back.RawQuery = "error=access_denied&state=" + url.QueryEscape(q.Get("state")) +
		"&error_description=" + url.QueryEscape(hostileWords) + "%FF%FE%C3"
	if res, err := http.Get(back.String()); err == nil {
		res.Body.Close()
	}
	os.Exit(0)
}

// TestHostileTextSignInChoicesAndAccounts: the organization picker of a sign-in that needs a choice, and
// the sign-in, status and sign-out of a user whose email is hostile.
func TestHostileTextSignInChoicesAndAccounts(t *testing.T) {
	sd := seed.Hostile()
	sd.OrganizationSelectionRequired = true
	e := newTestEnv(t, emulator.Options{Seed: sd})
	env := e.environ()
	p := e.start(env, "login", "--email", "alice@example.com")
	p.waitFor(t, "Number or id: ")
	if _, err := p.stdin.Write([]byte("1\n")); err != nil {
		t.Fatal(err)
	}
	if code := p.wait(t); code != 0 {
		t.Fatalf("login with a choice exited %d:\n%s", code, p.stderr.String())
	}
	termsafetest.Assert(t, "the organization picker", p.stdout.String()+p.stderr.String(), false)
	if !strings.Contains(p.stderr.String(), "globex") {
		t.Errorf("the picker did not list the organizations:\n%s", p.stderr.String())
	}

	eve := sd.Users[2].Email
	e2 := newTestEnv(t, emulator.Options{Seed: seed.Hostile()})
	env2 := e2.environ()
	for _, args := range [][]string{{"login", "--email", eve}, {"status"}, {"logout"}} {
		out, errOut, code := e2.run(env2, "", args...)
		if code != 0 {
			t.Fatalf("panel %s exited %d:\n%s%s", strings.Join(args, " "), code, out, errOut)
		}
		termsafetest.Assert(t, "panel "+strings.Join(args, " ")+" as eve", out+errOut, false)
		if !strings.Contains(out+errOut, "eve") {
			t.Errorf("panel %s did not name eve:\n%s%s", strings.Join(args, " "), out, errOut)
		}
	}
}
