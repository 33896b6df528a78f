//go:build linux

package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/panel-dev/panel/emulator"
)

const otherUID = 4242

// needRoot skips a test that gives files to another user unless it runs as root; under CI=true (where
// the test command runs as root) a missing privilege fails instead.
func needRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		if os.Getenv("CI") == "true" {
			t.Fatal("this test gives a directory to another user: it needs root under CI=true")
		}
		t.Skip("needs root to give a directory to another user")
	}
}

// A profile directory that belongs to another user: every command refuses it, says whose it is and what
// to do, and changes nothing in it.
func TestAnotherUsersProfileDirectoryIsRefused(t *testing.T) {
	needRoot(t)
	e := signedInProcess(t)
	profile := filepath.Join(e.dir, "profiles", "default")
	if err := filepath.Walk(profile, func(path string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(path, otherUID, otherUID)
	}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, e.dir)
	for _, args := range [][]string{{"status"}, {"status", "--offline"}, {"token"}, {"orgs", "list"},
		{"login", "--force", "--email", "alice@example.com"}, {"logout"}} {
		out, errOut, code := e.run(e.environ(), "", args...)
		if code != 1 || out != "" || !strings.Contains(errOut, profile) ||
			!strings.Contains(errOut, "belongs to another user (uid 4242), not to you (uid 0)") ||
			!strings.Contains(errOut, "PANEL_CONFIG_DIR") {
			t.Errorf("panel %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
		}
	}
	assertSnapshot(t, e.dir, before)
	if fi, _ := os.Stat(profile); fi.Mode().Perm() != 0o700 {
		t.Errorf("mode changed: %v", fi.Mode())
	}
}

// The other way round, as it happens on a shared machine: in a shared 1777 PANEL_CONFIG_DIR, another
// user (here root) made profiles/ first. panel, run by an ordinary user (setpriv), refuses it rather than
// keeping that user's session where root can read and replace it.
func TestProfileDirectoryMadeByAnotherUserIsRefusedSetpriv(t *testing.T) {
	needRoot(t)
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("setpriv (util-linux) is missing under CI=true")
		}
		t.Skip("setpriv (util-linux) is missing")
	}
	e := newTestEnv(t, emulator.Options{})
	shared := worldDir(t, 0o777|os.ModeSticky)
	for _, d := range []string{filepath.Join(shared, "profiles"), filepath.Join(shared, "profiles", "default")} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(d, 0o755); err != nil { // readable by all, as another user's would typically be
			t.Fatal(err)
		}
	}
	bin := filepath.Join(worldDir(t, 0o755), "panel.test")
	copyFile(t, os.Args[0], bin, 0o755)

	env := e.environ("PANEL_CONFIG_DIR="+shared, "HOME="+shared) // the later value wins
	a, _ := json.Marshal([]string{"status", "--offline"})
	cmd := exec.Command(setpriv, "--reuid=4242", "--regid=4242", "--clear-groups", bin, "-test.run=^TestPanelProcess$")
	cmd.Env = append(env, "PANEL_TEST_ARGS="+string(a))
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	code := cmd.ProcessState.ExitCode()
	want := filepath.Join(shared, "profiles") + ": it belongs to another user (uid 0), not to you (uid 4242)"
	if code != 1 || !strings.Contains(errOut.String(), want) {
		t.Errorf("status --offline as uid 4242: exit %d (%v)\n%s%s", code, err, out.String(), errOut.String())
	}
	entries, _ := os.ReadDir(filepath.Join(shared, "profiles", "default"))
	if len(entries) != 0 {
		t.Errorf("panel wrote into another user's directory: %v", entries)
	}
}

// worldDir is a directory every user can reach (t.TempDir's parent is 0700), removed after the test.
func worldDir(t *testing.T, mode os.FileMode) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "panel-files-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	if err := os.Chmod(dir, mode); err != nil {
		t.Fatal(err)
	}
	return dir
}

func copyFile(t *testing.T, from, to string, mode os.FileMode) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = src.Close() }()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_EXCL, mode)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}
