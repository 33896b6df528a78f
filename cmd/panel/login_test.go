package main

import (
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/panel-dev/panel/emulator"
)

// The whole journey in real processes: sign in through the (test) browser, already signed in, status,
// token, logout ending the server session, then exit 4 everywhere. No token ever shows anywhere but in
// `panel token`'s stdout.
func TestLoginJourney(t *testing.T) {
	e := newTestEnv(t, emulator.Options{})
	env := e.environ()
	_, errOut, code := e.run(env, "", "login", "--email", "alice@example.com")
	if code != 0 || !strings.Contains(errOut, "Signed in as alice@example.com in organization org_acme") {
		t.Fatalf("login exited %d:\n%s", code, errOut)
	}
	browser := e.browsed(1)
	if !strings.Contains(browser, "Signed in as alice@example.com") {
		t.Fatalf("the browser tab did not show the success page: %s", browser)
	}
	outputs := []string{errOut, browser}

	_, errOut, code = e.run(env, "", "login")
	if code != 0 || !strings.Contains(errOut, "Already signed in as alice@example.com") {
		t.Fatalf("second login exited %d:\n%s", code, errOut)
	}
	outputs = append(outputs, errOut)

	out, errOut, code := e.run(env, "", "status", "--json")
	if code != 0 {
		t.Fatalf("status exited %d:\n%s", code, errOut)
	}
	var st struct {
		User         struct{ Email string }
		Organization struct {
			ExternalID string `json:"external_id"`
			Name       string
		}
		Project struct{ Name string }
		Session struct {
			ExpiresAt string `json:"expires_at"`
			Storage   string
		}
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("status --json: %v\n%s", err, out)
	}
	if st.User.Email != "alice@example.com" || st.Organization.ExternalID != "org_acme" || st.Organization.Name != "acme" ||
		st.Project.Name == "" || st.Session.Storage != "file" || st.Session.ExpiresAt == "" {
		t.Fatalf("status = %s", out)
	}
	outputs = append(outputs, out, errOut)
	text, errOut, code := e.run(env, "", "status")
	if code != 0 || !strings.Contains(text, "acme (org_acme)") || !strings.Contains(text, "0600 file") {
		t.Fatalf("status exited %d:\n%s%s", code, text, errOut)
	}
	outputs = append(outputs, text, errOut)
	offline, _, code := e.run(env, "", "status", "--offline", "--json")
	if code != 0 || !strings.Contains(offline, `"offline": true`) || !strings.Contains(offline, "alice@example.com") {
		t.Fatalf("status --offline exited %d: %s", code, offline)
	}
	outputs = append(outputs, offline)

	token, errOut, code := e.run(env, "", "token")
	token = strings.TrimSpace(token)
	if code != 0 || strings.Count(token, ".") != 2 || strings.Contains(token, "\n") || errOut != "" {
		t.Fatalf("token exited %d, stdout %d bytes, stderr %q", code, len(token), errOut)
	}
	stored, _ := os.ReadFile(e.dir + "/profiles/default/tokens.json")
	var file struct {
		Session struct {
			RefreshToken string `json:"refresh_token"`
		} `json:"session"`
	}
	_ = json.Unmarshal(stored, &file)

	_, errOut, code = e.run(env, "", "logout")
	if code != 0 || !strings.Contains(errOut, "ended the session on the server") || !strings.Contains(errOut, "deleted the tokens") {
		t.Fatalf("logout exited %d:\n%s", code, errOut)
	}
	outputs = append(outputs, errOut)
	for _, args := range [][]string{{"status"}, {"token"}, {"status", "--json"}} {
		_, errOut, code := e.run(env, "", args...)
		if code != 4 || !strings.Contains(errOut, "panel login") {
			t.Fatalf("%v after logout exited %d:\n%s", args, code, errOut)
		}
		outputs = append(outputs, errOut)
	}

	outputs = append(outputs, e.emuLog.String())
	for _, secret := range []string{token, file.Session.RefreshToken} {
		if len(secret) < 16 {
			t.Fatalf("no secret to look for (%d bytes)", len(secret))
		}
		for i, o := range outputs {
			if strings.Contains(o, secret) || strings.Contains(o, secret[len(secret)-16:]) {
				t.Errorf("output %d shows a token:\n%s", i, o)
			}
		}
	}
}

func TestLoginWithoutBrowserAcceptsThePastedRedirect(t *testing.T) {
	e := newTestEnv(t, emulator.Options{})
	p := e.start(e.environ(), "login", "--no-browser", "--email", "bob@example.com")
	authorize := p.waitFor(t, `(http://\S+/user_management/authorize\?\S+)`)
	address := redirectOf(t, authorize) // the remote browser's address bar
	io.WriteString(p.stdin, "not an address\n")
	p.waitFor(t, "was not accepted")
	io.WriteString(p.stdin, address+"\n")
	if code := p.wait(t); code != 0 || !strings.Contains(p.stderr.String(), "Signed in as bob@example.com") {
		t.Fatalf("login exited %d:\n%s", code, p.stderr.String())
	}
	if b, _ := os.ReadFile(e.browserLog); len(b) > 0 {
		t.Fatal("--no-browser started the browser")
	}
}

func TestLoginWithADeviceCode(t *testing.T) {
	e := newTestEnv(t, emulator.Options{DevicePollInterval: time.Second})
	p := e.start(e.environ(), "login", "--device")
	verify := p.waitFor(t, `which opens (http://\S+):`)
	if !strings.Contains(p.stderr.String(), "█") {
		t.Error("no QR code was shown")
	}
	if res := browsePage(t, verify+"&email=bob%40example.com"); !strings.Contains(res, "approved") {
		t.Fatalf("verification page: %s", res)
	}
	if code := p.wait(t); code != 0 || !strings.Contains(p.stderr.String(), "Signed in as bob@example.com") {
		t.Fatalf("login --device exited %d:\n%s", code, p.stderr.String())
	}
}

func TestLoginSignUpAndForce(t *testing.T) {
	e := newTestEnv(t, emulator.Options{})
	env := e.environ()
	_, errOut, code := e.run(env, "", "login", "--signup", "--email", "newcomer@example.com")
	if code != 0 || !strings.Contains(errOut, "Signed in as newcomer@example.com (no organization yet)") {
		t.Fatalf("sign-up exited %d:\n%s", code, errOut)
	}
	_, errOut, code = e.run(env, "", "login", "--force", "--email", "bob@example.com")
	if code != 0 || !strings.Contains(errOut, "Signed in as bob@example.com") {
		t.Fatalf("login --force exited %d:\n%s", code, errOut)
	}
}

func TestLoginChoosesTheOrganization(t *testing.T) {
	e := newTestEnv(t, emulator.Options{OrganizationSelectionRequired: true})
	p := e.start(e.environ(), "login", "--email", "alice@example.com")
	p.waitFor(t, "Number or id: ")
	io.WriteString(p.stdin, "9\n")
	p.waitFor(t, "Not one of the organizations")
	io.WriteString(p.stdin, "globex\n")
	if code := p.wait(t); code != 0 || !strings.Contains(p.stderr.String(), "in organization org_globex") {
		t.Fatalf("login exited %d:\n%s", code, p.stderr.String())
	}

	// The selection grant refused to this keyless client, as WorkOS's spec says: the browser sign-in
	// restarts in the chosen organization, and WorkOS's {message} is shown.
	e2 := newTestEnv(t, emulator.Options{OrganizationSelectionRequired: true, SelectionGrantNeedsSecret: true})
	p = e2.start(e2.environ(), "login", "--email", "alice@example.com")
	p.waitFor(t, "Number or id: ")
	io.WriteString(p.stdin, "org_globex\n")
	if code := p.wait(t); code != 0 || !strings.Contains(p.stderr.String(), "Signing in again through the browser") ||
		!strings.Contains(p.stderr.String(), "client_secret is required") ||
		!strings.Contains(p.stderr.String(), "in organization org_globex") {
		t.Fatalf("fallback login exited %d:\n%s", code, p.stderr.String())
	}
	if q := e2.authorizeQueries(); len(q) != 2 || q[1].Get("organization_id") != "org_globex" {
		t.Fatalf("authorize queries %v, want a second one into org_globex", q)
	}
}

func TestPanelTokenFromTheEnvironment(t *testing.T) {
	e := newTestEnv(t, emulator.Options{})
	env := e.environ("PANEL_TOKEN=header.payload.signature")
	for _, args := range [][]string{{"login"}, {"logout"}} {
		_, errOut, code := e.run(env, "", args...)
		if code != 1 || !strings.Contains(errOut, "PANEL_TOKEN is set") {
			t.Fatalf("%v with PANEL_TOKEN exited %d:\n%s", args, code, errOut)
		}
	}
	out, _, code := e.run(env, "", "token")
	if code != 0 || out != "header.payload.signature\n" {
		t.Fatalf("token with PANEL_TOKEN exited %d: %q", code, out)
	}
}

// Without a reachable keychain, login stops before the browser with the cause and the way out, and
// --insecure-storage then works; nothing falls back to a file silently.
func TestLoginWithoutAKeychain(t *testing.T) {
	e := newTestEnv(t, emulator.Options{})
	var env []string
	for _, kv := range e.environ() {
		if !strings.HasPrefix(kv, "PANEL_INSECURE_STORAGE=") && !strings.HasPrefix(kv, "DBUS_SESSION_BUS_ADDRESS=") {
			env = append(env, kv)
		}
	}
	env = append(env, "DBUS_SESSION_BUS_ADDRESS=unix:path="+e.dir+"/no-bus")
	_, errOut, code := e.run(env, "", "login")
	if code != 1 || !strings.Contains(errOut, "OS keychain") || !strings.Contains(errOut, "--insecure-storage") {
		t.Fatalf("login without a keychain exited %d:\n%s", code, errOut)
	}
	if b, _ := os.ReadFile(e.browserLog); len(b) > 0 {
		t.Fatal("the browser was opened although the tokens could not be stored")
	}
	if _, err := os.Stat(e.dir + "/profiles/default/tokens.json"); err == nil {
		t.Fatal("a token file was written without --insecure-storage")
	}
	_, errOut, code = e.run(env, "", "login", "--insecure-storage")
	if code != 0 || !strings.Contains(errOut, "0600 file") {
		t.Fatalf("login --insecure-storage exited %d:\n%s", code, errOut)
	}
}
