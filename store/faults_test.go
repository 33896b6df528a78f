package store

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// profileWithNeighbours is a profile directory holding a full state.json and the files other parts of
// panel keep next to it, so a test can check that a fault in one loses nothing of the others.
func profileWithNeighbours(t *testing.T) (dir string, neighbours map[string][]byte) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "profiles", "default")
	s := Open(dir, nil)
	if err := s.Update(func(st *State) {
		st.SetCurrentProject("org_acme", "p1")
		st.RecordSwitch("org_globex", "org_acme")
		st.Pin("org_acme")
		st.Last.User = &User{Email: "alice@example.com"}
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.RememberOrganizations([]KnownOrganization{{ExternalID: "org_acme", Name: "acme"}}, true); err != nil {
		t.Fatal(err)
	}
	neighbours = map[string][]byte{"tokens.json": []byte(`{"session":{"refresh_token":"rt"}}`), "session.lock": nil}
	for name, data := range neighbours {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	neighbours[KnownOrganizationsFile], _ = os.ReadFile(filepath.Join(dir, KnownOrganizationsFile))
	return dir, neighbours
}

func assertNeighboursIntact(t *testing.T, dir string, neighbours map[string][]byte) {
	t.Helper()
	for name, want := range neighbours {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s changed: %q, %v", name, got, err)
		}
	}
}

// A state.json cut short (a crash of another program mid-copy, a full disk) or overwritten with garbage:
// panel warns, keeps the damaged bytes aside for the user, starts afresh, and touches nothing else.
func TestDamagedStateFileIsSetAsideWithoutLosingAnythingElse(t *testing.T) {
	for name, damage := range map[string]func([]byte) []byte{
		"truncated": func(b []byte) []byte { return b[:len(b)/2] },
		"corrupt":   func(b []byte) []byte { return append([]byte{0xff, 0x00}, b...) },
		"empty":     func([]byte) []byte { return nil },
	} {
		t.Run(name, func(t *testing.T) {
			dir, neighbours := profileWithNeighbours(t)
			path := filepath.Join(dir, FileName)
			good, _ := os.ReadFile(path)
			bad := damage(good)
			if err := os.WriteFile(path, bad, 0o600); err != nil {
				t.Fatal(err)
			}
			var warnings []string
			s := Open(dir, func(w string) { warnings = append(warnings, w) })
			st, err := s.Load()
			if err != nil || st.CurrentProject("org_acme") != "" {
				t.Fatalf("Load = %+v, %v", st, err)
			}
			if len(warnings) != 1 || !strings.Contains(warnings[0], "corrupt") || !strings.Contains(warnings[0], path) {
				t.Fatalf("warnings = %q", warnings)
			}
			aside, _ := filepath.Glob(path + ".corrupt-*")
			if len(aside) != 1 {
				t.Fatalf("set-aside copies: %v", aside)
			}
			if kept, _ := os.ReadFile(aside[0]); !bytes.Equal(kept, bad) {
				t.Error("the set-aside copy is not the damaged file")
			}
			if err := s.Update(func(st *State) { st.SetCurrentProject("org_acme", "p2") }); err != nil {
				t.Fatal(err)
			}
			if got := Open(dir, nil).CurrentProject("org_acme"); got != "p2" {
				t.Errorf("after the fault, CurrentProject = %q", got)
			}
			assertNeighboursIntact(t, dir, neighbours)
		})
	}
}

// A state.json that others can read (restored from a backup with 0644) goes back to 0600 on the next read.
func TestLooseStateFileModeIsTightened(t *testing.T) {
	dir, neighbours := profileWithNeighbours(t)
	path := filepath.Join(dir, FileName)
	before, _ := os.ReadFile(path)
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	var warnings []string
	st, err := Open(dir, func(w string) { warnings = append(warnings, w) }).Load()
	if err != nil || st.CurrentProject("org_acme") != "p1" {
		t.Fatalf("Load = %+v, %v", st, err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("state.json is still %04o", fi.Mode().Perm())
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) || len(warnings) != 0 {
		t.Errorf("content changed or warned: %q", warnings)
	}
	assertNeighboursIntact(t, dir, neighbours)
}

// A profile directory panel may not write to: reads still answer, a write fails with an error naming the
// directory, and the files stay as they were. Root writes through directory modes, so as root the test
// runs again in a process without capabilities (setpriv).
func TestUnwritableProfileDirectory(t *testing.T) {
	if os.Geteuid() == 0 && os.Getenv("PANEL_STORE_TEST_NO_CAPS") != "1" {
		setpriv, err := exec.LookPath("setpriv")
		if err != nil {
			t.Skip("running as root without setpriv: directory modes do not apply")
		}
		cmd := exec.Command(setpriv, "--inh-caps=-all", "--bounding-set=-all", os.Args[0],
			"-test.run=^TestUnwritableProfileDirectory$", "-test.v")
		cmd.Env = append(os.Environ(), "PANEL_STORE_TEST_NO_CAPS=1")
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--- PASS: TestUnwritableProfileDirectory") {
			t.Fatalf("without capabilities: %v\n%s", err, out)
		}
		return
	}
	dir, neighbours := profileWithNeighbours(t)
	before, _ := os.ReadFile(filepath.Join(dir, FileName))
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(dir, 0o700) }) // if this fails, removing the temp dir says so
	s := Open(dir, nil)
	if got := s.CurrentProject("org_acme"); got != "p1" {
		t.Errorf("read in a read-only directory: %q", got)
	}
	err := s.Update(func(st *State) { st.SetCurrentProject("org_acme", "p2") })
	if err == nil || !strings.Contains(err.Error(), dir) {
		t.Fatalf("Update in a read-only directory = %v", err)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, FileName)); !bytes.Equal(after, before) {
		t.Error("state.json changed")
	}
	assertNeighboursIntact(t, dir, neighbours)
}
