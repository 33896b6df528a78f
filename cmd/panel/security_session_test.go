package main

import (
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/panel-dev/panel/emulator"
)

// A whole session with --debug — login, token, status, orgs list, switch, projects, a few failures,
// the TUI's dependencies writing their debug log, logout — then every access and refresh token the
// session ever held is looked for in every file under the config directory except the token store, in
// every output (but `panel token`'s stdout), in the browser's argv and page, in the emulator's logs.
// Every file is 0600 and every directory panel made 0700. With the keychain, the config directory holds no token
// store at all.
func TestNoTokenOutsideTheTokenStoreAfterAFullSession(t *testing.T) {
	for _, storage := range []string{"file", "keyring"} {
		t.Run(storage, func(t *testing.T) {
			if storage == "keyring" {
				requireKeychain(t)
			}
			s := &sessionScan{t: t, e: newTestEnv(t, emulator.Options{}), keyring: storage == "keyring"}
			s.env = s.e.environ("PANEL_DEBUG=1")
			if s.keyring {
				s.env = without(s.env, "PANEL_INSECURE_STORAGE")
			}
			s.run()
		})
	}
}

type sessionScan struct {
	t       *testing.T
	e       *testEnv
	env     []string
	keyring bool
	item    string            // the keychain item, once known
	secrets map[string]string // token → what it is
	outputs map[string]string // what was shown → where
}

func (s *sessionScan) run() {
	t := s.t
	s.secrets, s.outputs = map[string]string{}, map[string]string{}
	s.ok("login", "--email", "alice@example.com")
	token := strings.TrimSpace(s.panel(0, "token")) // the one output allowed to show it
	s.secrets[token] = "access token (org_acme)"
	status := s.ok("status")
	if s.keyring {
		m := regexp.MustCompile(`item "([^"]+)"`).FindStringSubmatch(status)
		if m == nil || !strings.HasPrefix(m[1], "default@") {
			t.Fatalf("status does not name the keychain item of an isolated config dir:\n%s", status)
		}
		s.item = m[1]
	}
	s.collect()
	s.ok("status", "--json")
	s.ok("status", "--offline")
	s.ok("orgs", "list")
	s.ok("orgs", "switch", "org_globex")
	s.collect()
	s.secrets[strings.TrimSpace(s.panel(0, "token"))] = "access token (org_globex)"
	s.ok("projects", "list", "--json")
	s.ok("orgs", "switch", "-")
	s.collect()

	// Failures print errors and retry notices: none of them may carry a token.
	s.e.hook("faults", map[string]any{"method": "GET", "path": "/v1/projects", "status": 503,
		"body": `{"status":503,"message":"upstream down"}`, "count": 1})
	s.ok("projects", "list")
	s.e.hook("faults", map[string]any{"method": "GET", "path": "/v1/account/organization", "status": 500,
		"body": "<html>oops</html>", "content_type": "text/html", "count": 4})
	s.panel(1, "status")
	s.e.hook("faults", map[string]any{"method": "POST", "path": "/user_management/authenticate", "status": 400,
		"body": `{"error":"organization_membership_not_found","error_description":"not a member"}`, "count": 1})
	s.panel(-1, "orgs", "switch", "org_initech")
	s.panel(1, "orgs", "switch", "no-such-org")
	clearFaults(t, s.e)
	s.ok("orgs", "switch", "org_acme") // the refused switch fell back to a browser sign-in into initech
	s.collect()
	s.tuiDebugLog()
	s.collect()

	s.checkTree(true)
	s.ok("logout")
	s.checkTree(false)
	s.scanOutputs()
	if len(s.secrets) < 4 {
		t.Fatalf("only %d tokens collected: the scan would prove little", len(s.secrets))
	}
	t.Logf("%d tokens looked for in %d outputs and every file of the config directory", len(s.secrets), len(s.outputs))
}

// panel runs one command as its own process with --debug; want is the exit code (-1: any).
func (s *sessionScan) panel(want int, args ...string) string {
	s.t.Helper()
	args = append(args, "--debug")
	out, errOut, code := s.e.run(s.env, "", args...)
	if want >= 0 && code != want {
		s.t.Fatalf("panel %s exited %d, want %d:\n%s%s", strings.Join(args, " "), code, want, out, errOut)
	}
	name := "panel " + strings.Join(args, " ")
	if args[0] != "token" {
		s.outputs[out] = name + " (stdout)"
	}
	s.outputs[errOut] = name + " (stderr)"
	return out
}

func (s *sessionScan) ok(args ...string) string { s.t.Helper(); return s.panel(0, args...) }

// collect records the tokens stored right now: each refresh rotates the refresh token, and the spent
// ones must not show up anywhere either.
func (s *sessionScan) collect() {
	s.t.Helper()
	if !s.keyring {
		var file struct {
			Session struct {
				RefreshToken string `json:"refresh_token"`
			} `json:"session"`
			Access map[string]struct{ Token string } `json:"access_tokens"`
		}
		b, err := os.ReadFile(filepath.Join(s.e.dir, "profiles", "default", "tokens.json"))
		if err != nil || json.Unmarshal(b, &file) != nil || file.Session.RefreshToken == "" {
			s.t.Fatalf("tokens.json: %v", err)
		}
		s.secrets[file.Session.RefreshToken] = "refresh token"
		for org, at := range file.Access {
			s.secrets[at.Token] = "stored access token of " + org
		}
		return
	}
	v, err := keyring.Get("panel", s.item)
	var rec struct {
		RefreshToken string   `json:"refresh_token"`
		AccessOrgs   []string `json:"access_orgs"`
	}
	if err != nil || json.Unmarshal([]byte(v), &rec) != nil || rec.RefreshToken == "" {
		s.t.Fatalf("keychain item %s: %v", s.item, err)
	}
	s.secrets[rec.RefreshToken] = "refresh token"
	for _, org := range rec.AccessOrgs {
		v, err := keyring.Get("panel", s.item+"/access/"+org)
		var at struct{ Token string }
		if err == nil && json.Unmarshal([]byte(v), &at) == nil && at.Token != "" {
			s.secrets[at.Token] = "stored access token of " + org
		}
	}
}

// tuiDebugLog builds the TUI's dependencies as `panel --debug` does (their messages go to debug.log),
// and has the API client retry once so that something is written there.
func (s *sessionScan) tuiDebugLog() {
	s.t.Helper()
	for _, kv := range s.env {
		k, v, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "PANEL_") || k == "BROWSER" {
			s.t.Setenv(k, v)
		}
	}
	if s.keyring {
		s.t.Setenv("PANEL_INSECURE_STORAGE", "")
	}
	s.e.hook("faults", map[string]any{"method": "GET", "path": "/v1/account/organization", "status": 503,
		"body": `{"status":503,"message":"try later"}`, "count": 1})
	ctx := testCtx(s.t)
	f := newFactory(ctx)
	f.IO = &IOStreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard}
	deps, done, err := tuiDeps(f)
	if err != nil {
		s.t.Fatal(err)
	}
	if _, err := deps.App.CheckSession(ctx); err != nil {
		s.t.Fatalf("CheckSession through a retried 503: %v", err)
	}
	done()
	log, err := os.ReadFile(filepath.Join(s.e.dir, "profiles", "default", "debug.log"))
	if err != nil || len(log) == 0 {
		s.t.Fatalf("no debug log was written: %v", err)
	}
	s.outputs[string(log)] = "debug.log"
}

// checkTree walks the config directory: modes, and no token in any file but the token store (which
// must be gone after logout, and never exist with the keychain).
func (s *sessionScan) checkTree(signedIn bool) {
	s.t.Helper()
	var files []string
	err := filepath.WalkDir(s.e.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(s.e.dir, path)
		if rel == "browser.log" {
			return nil // the test browser's record, scanned with the outputs
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		want := os.FileMode(0o600)
		if d.IsDir() {
			want = 0o700
		}
		if rel != "." && info.Mode().Perm() != want { // the config dir itself is the test's, not panel's (B27)
			s.t.Errorf("%s is %04o, want %04o", rel, info.Mode().Perm(), want)
		}
		if d.IsDir() {
			return nil
		}
		files = append(files, rel)
		if rel == filepath.Join("profiles", "default", "tokens.json") {
			if s.keyring || !signedIn {
				s.t.Errorf("%s exists (keychain storage: %v, signed in: %v)", rel, s.keyring, signedIn)
			}
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		s.scan(string(b), rel)
		return nil
	})
	if err != nil {
		s.t.Fatal(err)
	}
	if len(files) < 3 {
		s.t.Fatalf("only %d files under the config directory: %v", len(files), files)
	}
	s.t.Logf("signed in: %v; files checked: %s", signedIn, strings.Join(files, ", "))
}

func (s *sessionScan) scanOutputs() {
	s.t.Helper()
	browser, _ := os.ReadFile(s.e.browserLog)
	s.outputs[string(browser)] = "the test browser's argv and pages"
	s.outputs[s.e.emuLog.String()] = "the emulator's log"
	res, err := http.Get(s.e.srv.URL + "/_emulator/requests")
	if err != nil {
		s.t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	s.outputs[string(b)] = "the emulator's request log (paths and queries)"
	for out, where := range s.outputs {
		s.scan(out, where)
	}
}

// scan fails when text holds a token, whole or its last 16 characters (a JWT's signature tail).
func (s *sessionScan) scan(text, where string) {
	s.t.Helper()
	for secret, what := range s.secrets {
		if len(secret) < 16 {
			s.t.Fatalf("%s is only %d characters", what, len(secret))
		}
		if strings.Contains(text, secret) || strings.Contains(text, secret[len(secret)-16:]) {
			s.t.Errorf("%s shows the %s", where, what)
		}
	}
}

// requireKeychain skips (fails under CI=true) unless a Secret Service answers: run the tests through
// scripts/with-keychain.sh.
func requireKeychain(t *testing.T) {
	t.Helper()
	account := "probe-" + strings.ReplaceAll(t.Name(), "/", "-")
	err := keyring.Set("panel-test", account, "probe")
	if err == nil {
		var v string
		v, err = keyring.Get("panel-test", account)
		_ = keyring.Delete("panel-test", account)
		if err == nil && v != "probe" {
			err = errors.New("the keychain returned another value")
		}
	}
	if err == nil {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("no usable Secret Service under CI=true: %v", err)
	}
	t.Skipf("no usable Secret Service (run through scripts/with-keychain.sh): %v", err)
}

func clearFaults(t *testing.T, e *testEnv) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodDelete, e.srv.URL+"/_emulator/faults", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
}

// without drops the variable key from an environment.
func without(env []string, key string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, key+"=") {
			out = append(out, kv)
		}
	}
	return out
}
