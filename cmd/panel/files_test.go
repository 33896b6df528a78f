package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/config"
)

// B27 through the commands: panel changes the mode of no directory it did not create, opens its lock and
// log files without following links, and refuses a profile directory that belongs to another user.

// PANEL_CONFIG_DIR pointing at a shared 1777 directory: it stays 1777 whatever panel does there; what
// panel creates in it is 0700 / 0600.
func TestSharedConfigDirectoryKeepsItsMode(t *testing.T) {
	e := newTestEnv(t, emulator.Options{})
	if err := os.Chmod(e.dir, 0o777|fs.ModeSticky); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := e.run(e.environ(), "", "status", "--offline"); code != exitNotSignedIn {
		t.Fatalf("status --offline before login: exit %d\n%s", code, errOut)
	}
	e.mustRun("login", "--email", "alice@example.com")
	e.mustRun("orgs", "switch", "org_globex")
	e.mustRun("status")
	if fi, _ := os.Stat(e.dir); fi.Mode().Perm() != 0o777 || fi.Mode()&fs.ModeSticky == 0 {
		t.Errorf("the shared directory is now %v", fi.Mode())
	}
	profile := filepath.Join(e.dir, "profiles", "default")
	for path, want := range map[string]fs.FileMode{filepath.Dir(profile): 0o700, profile: 0o700,
		filepath.Join(profile, "tokens.json"): 0o600, filepath.Join(profile, "state.json"): 0o600,
		filepath.Join(profile, "session.lock"): 0o600, filepath.Join(profile, "state.lock"): 0o600} {
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != want {
			t.Errorf("%s: %v %v, want %04o", path, fi.Mode(), err, want)
		}
	}
}

// A lock file replaced by a symbolic link (another user's trick to make panel create or lock a file of
// their choosing) is refused with an error that names it, and the link's target is never created.
func TestSymlinkedLockFilesAreRefused(t *testing.T) {
	for lock, args := range map[string][]string{
		"session.lock": {"login", "--force", "--email", "alice@example.com"},
		"state.lock":   {"projects", "use", "default"},
	} {
		t.Run(lock, func(t *testing.T) {
			e := signedInProcess(t)
			path := filepath.Join(e.dir, "profiles", "default", lock)
			victim := filepath.Join(e.dir, "victim")
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(victim, path); err != nil {
				t.Fatal(err)
			}
			_, errOut, code := e.run(e.environ(), "", args...)
			if code != 1 || !strings.Contains(errOut, path) || !strings.Contains(errOut, "symbolic link") {
				t.Errorf("panel %s with %s a symlink: exit %d\n%s", strings.Join(args, " "), lock, code, errOut)
			}
			if _, err := os.Lstat(victim); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("the link's target was created: %v", err)
			}
		})
	}
}

// --debug with debug.log replaced by a symbolic link: the TUI does not start, says why, and writes
// nothing where the link points.
func TestSymlinkedDebugLogIsRefused(t *testing.T) {
	dir := t.TempDir()
	cfg := &config.Config{Dir: dir, Profile: "default", Debug: true, ClientID: "client_x",
		AuthURL: "http://127.0.0.1:9", APIURL: "http://127.0.0.1:9", InsecureStorage: true}
	profile, err := cfg.EnsureProfileDir()
	if err != nil {
		t.Fatal(err)
	}
	victim := filepath.Join(dir, "victim")
	log := filepath.Join(profile, debugLogName)
	if err := os.Symlink(victim, log); err != nil {
		t.Fatal(err)
	}
	f := newFactory(testCtx(t))
	f.IO = &IOStreams{In: strings.NewReader(""), Out: &syncBuffer{}, ErrOut: &syncBuffer{}}
	f.Config = func() (*config.Config, error) { return cfg, nil }
	_, done, err := tuiDeps(f)
	if err == nil {
		done()
		t.Fatal("the TUI's dependencies were built with a symlinked debug log")
	}
	if !strings.Contains(err.Error(), log) || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("error = %v", err)
	}
	if _, err := os.Lstat(victim); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the link's target was created: %v", err)
	}

	if err := os.Remove(log); err != nil { // a plain debug.log: created 0600 and used
		t.Fatal(err)
	}
	file, err := openDebugLog(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := file.Close(); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(log); fi.Mode().Perm() != 0o600 {
		t.Errorf("debug.log = %v, want 0600", fi.Mode())
	}
}

// Files that others can read (a restored backup, a copy with cp -r) are put back to 0600 by the next
// command; directories keep the mode the user gave them (panel did not create them as they are now).
func TestLooseFilesAreTightenedDirectoriesLeftAlone(t *testing.T) {
	e := signedInProcess(t)
	profile := filepath.Join(e.dir, "profiles", "default")
	loosen := map[string]os.FileMode{e.dir: 0o755, filepath.Dir(profile): 0o755, profile: 0o750,
		filepath.Join(profile, "state.json"): 0o644, filepath.Join(profile, "tokens.json"): 0o644}
	for path, mode := range loosen {
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
	}
	e.mustRun("status")
	for path, loose := range loosen {
		st, _ := os.Stat(path)
		want := os.FileMode(0o600)
		if st.IsDir() {
			want = loose
		}
		if st.Mode().Perm() != want {
			t.Errorf("%s is %04o, want %04o", path, st.Mode().Perm(), want)
		}
	}
}

// A key panel does not know in config.yaml (a typo, a newer panel's setting) is warned about once on
// stderr, with the key and the file, and the command still works with the rest of the file.
func TestUnknownConfigKeysWarnOnceOnStderr(t *testing.T) {
	e := signedInProcess(t)
	config := filepath.Join(e.dir, "config.yaml")
	if err := os.WriteFile(config, []byte("defualt_profile: default\nprofiles:\n  default:\n    cleint_id: x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut := e.mustRun("status")
	if !strings.Contains(out, "alice@example.com") {
		t.Errorf("status:\n%s", out)
	}
	for _, key := range []string{`"defualt_profile"`, `"profiles.default.cleint_id"`} {
		if n := strings.Count(errOut, key); n != 1 || !strings.Contains(errOut, config) {
			t.Errorf("warning for %s %d times:\n%s", key, n, errOut)
		}
	}
}
