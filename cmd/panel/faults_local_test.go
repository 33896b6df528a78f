package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/panel-dev/panel/emulator"
)

// Faults of the local files, through the commands as separate processes: each ends in a working panel
// or a clear error, and nothing else is lost.

// A state.json cut short or overwritten: commands warn, carry on, and the session stays.
func TestDamagedStateFileThroughTheCommands(t *testing.T) {
	e := signedInProcess(t)
	profile := filepath.Join(e.dir, "profiles", "default")
	e.mustRun("orgs", "switch", "org_globex")
	for name, damage := range map[string]func([]byte) []byte{
		"truncated": func(b []byte) []byte { return b[:len(b)/3] },
		"corrupt":   func(b []byte) []byte { return []byte("\x00\x01not json") },
	} {
		path := filepath.Join(profile, "state.json")
		good, _ := os.ReadFile(path)
		tokens, _ := os.ReadFile(filepath.Join(profile, "tokens.json"))
		if err := os.WriteFile(path, damage(good), 0o600); err != nil {
			t.Fatal(err)
		}
		_, errOut := e.mustRun("status", "--offline")
		if !strings.Contains(errOut, "was corrupt") || !strings.Contains(errOut, "state.json") {
			t.Errorf("%s: status --offline did not warn:\n%s", name, errOut)
		}
		out, _ := e.mustRun("status")
		if !strings.Contains(out, "globex") {
			t.Errorf("%s: status lost the session's organization:\n%s", name, out)
		}
		if after, _ := os.ReadFile(filepath.Join(profile, "tokens.json")); !sameSession(after, tokens) {
			t.Errorf("%s: the stored session changed", name)
		}
		e.mustRun("projects", "list")
	}
}

// A token file cut short: a clear error saying to sign in again, the local state untouched, and
// `panel login` recovers.
func TestDamagedTokenFileThroughTheCommands(t *testing.T) {
	e := signedInProcess(t)
	profile := filepath.Join(e.dir, "profiles", "default")
	tokens := filepath.Join(profile, "tokens.json")
	good, _ := os.ReadFile(tokens)
	if err := os.WriteFile(tokens, good[:len(good)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	state, _ := os.ReadFile(filepath.Join(profile, "state.json"))
	for _, args := range [][]string{{"status"}, {"token"}, {"orgs", "list"}} {
		out, errOut, code := e.run(e.environ(), "", args...)
		if code != 1 || !strings.Contains(errOut, "unreadable") || !strings.Contains(errOut, "panel login") || out != "" {
			t.Errorf("%v with a truncated token file exited %d:\n%s%s", args, code, out, errOut)
		}
	}
	if after, _ := os.ReadFile(filepath.Join(profile, "state.json")); !bytes.Equal(after, state) {
		t.Error("state.json changed")
	}
	e.mustRun("login", "--email", "alice@example.com")
	e.mustRun("status")
}

// A config file that is not YAML: every command says which file and why, and touches nothing.
func TestCorruptConfigFileThroughTheCommands(t *testing.T) {
	e := signedInProcess(t)
	before := snapshot(t, e.dir)
	config := filepath.Join(e.dir, "config.yaml")
	if err := os.WriteFile(config, []byte("profiles: [unclosed\n\t- tab"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"status"}, {"status", "--offline"}, {"orgs", "list"}, {"logout"}} {
		_, errOut, code := e.run(e.environ(), "", args...)
		if code != 1 || !strings.Contains(errOut, config) || !strings.Contains(errOut, "not valid YAML") {
			t.Errorf("%v with a corrupt config file exited %d:\n%s", args, code, errOut)
		}
	}
	if err := os.Remove(config); err != nil {
		t.Fatal(err)
	}
	assertSnapshot(t, e.dir, before)
	e.mustRun("status")
}

// A config directory on a read-only file system (a read-only home, a full or failing disk remounted
// read-only): each command fails with an error that says so, none crashes, and every file is as it was.
// The mount is private to the panel process (a mount namespace: root, or an unprivileged user namespace).
func TestReadOnlyConfigDirectory(t *testing.T) {
	e := signedInProcess(t)
	wrap := readOnlyWrapper(t, e.dir)
	before := snapshot(t, e.dir)
	for _, args := range [][]string{{"status"}, {"status", "--offline"}, {"token"}, {"orgs", "switch", "org_globex"},
		{"projects", "list"}, {"logout"}} {
		out, errOut, code := e.runWrapped(wrap, args...)
		t.Logf("read-only: panel %s → exit %d: %s", strings.Join(args, " "), code, strings.TrimSpace(errOut))
		if code != 1 && code != 0 {
			t.Errorf("%v exited %d (a crash?):\n%s%s", args, code, out, errOut)
		}
		if code == 1 && !strings.Contains(errOut, "read-only file system") {
			t.Errorf("%v: the error does not say the file system is read-only:\n%s", args, errOut)
		}
	}
	assertSnapshot(t, e.dir, before)
	e.mustRun("status")
	e.mustRun("orgs", "switch", "org_globex")
}

// readOnlyWrapper returns the command prefix that runs a program with dir mounted read-only in a mount
// namespace of its own, or skips when this machine does not allow one.
func readOnlyWrapper(t *testing.T, dir string) []string {
	t.Helper()
	unshare, err := exec.LookPath("unshare")
	if err != nil {
		t.Skip("unshare (util-linux) is missing")
	}
	ns := []string{unshare, "--mount", "--propagation", "private"}
	if os.Geteuid() != 0 {
		ns = []string{unshare, "--user", "--map-root-user", "--mount", "--propagation", "private"}
	}
	wrap := append(ns, "sh", "-c", `mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" "$0" && shift && exec "$@"`, dir, "--")
	probe := exec.Command(wrap[0], append(wrap[1:], "sh", "-c", `! touch "$0/probe" 2>/dev/null`, dir)...)
	if out, err := probe.CombinedOutput(); err != nil {
		t.Skipf("no private read-only mount here (%v): %s", err, out)
	}
	return wrap
}

// runWrapped runs `panel args...` (with --debug) as a process under the wrapper command.
func (e *testEnv) runWrapped(wrap []string, args ...string) (string, string, int) {
	e.t.Helper()
	a, _ := json.Marshal(append(args, "--debug"))
	cmd := exec.Command(wrap[0], append(wrap[1:], os.Args[0], "-test.run=^TestPanelProcess$")...)
	cmd.Env = append(e.environ(), "PANEL_TEST_ARGS="+string(a))
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if err != nil && cmd.ProcessState == nil {
		e.t.Fatal(err)
	}
	return out.String(), errOut.String(), cmd.ProcessState.ExitCode()
}

// signedInProcess is a test environment where alice signed in through `panel login` (file storage).
func signedInProcess(t *testing.T) *testEnv {
	t.Helper()
	e := newTestEnv(t, emulator.Options{})
	e.mustRun("login", "--email", "alice@example.com")
	e.browsed(1) // done: it writes nothing more into the profile's directory
	return e
}

// mustRun runs a command that must succeed.
func (e *testEnv) mustRun(args ...string) (string, string) {
	e.t.Helper()
	out, errOut, code := e.run(e.environ(), "", args...)
	if code != 0 {
		e.t.Fatalf("panel %s exited %d:\n%s%s", strings.Join(args, " "), code, out, errOut)
	}
	return out, errOut
}

// sameSession reports whether two token files hold the same refresh token (the access tokens may be
// renewed meanwhile).
func sameSession(a, b []byte) bool {
	var x, y struct {
		Session struct {
			RefreshToken string `json:"refresh_token"`
		} `json:"session"`
	}
	return json.Unmarshal(a, &x) == nil && json.Unmarshal(b, &y) == nil && x.Session.RefreshToken == y.Session.RefreshToken
}

// snapshot reads every file under dir (the test browser's log aside).
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == "browser.log" {
			return err
		}
		files[path], err = os.ReadFile(path)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func assertSnapshot(t *testing.T, dir string, before map[string][]byte) {
	t.Helper()
	after := snapshot(t, dir)
	for path, b := range before {
		if a, ok := after[path]; !ok || !bytes.Equal(a, b) {
			t.Errorf("%s changed or disappeared", path)
		}
	}
	for path := range after {
		if _, ok := before[path]; !ok {
			t.Errorf("%s appeared", path)
		}
	}
}
