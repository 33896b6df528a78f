//go:build unix

package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// asRoot skips a test that needs to give a file to another user, unless CI requires every layer.
func asRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		if os.Getenv("CI") == "true" {
			t.Fatal("this test gives a directory to another user: it needs root under CI=true")
		}
		t.Skip("needs root to give a directory to another user")
	}
}

const otherUID = 4242

func TestCheckOwnerRefusesAnotherUsersDirectory(t *testing.T) {
	asRoot(t)
	dir := filepath.Join(t.TempDir(), "profile")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := CheckOwner(dir); err != nil {
		t.Fatalf("own directory: %v", err)
	}
	if err := os.Chown(dir, otherUID, otherUID); err != nil {
		t.Fatal(err)
	}
	err := MkdirPrivate(dir)
	var foreign *ForeignOwnerError
	if !errors.As(err, &foreign) || foreign.Owner != otherUID || foreign.User != 0 || foreign.Path != dir {
		t.Fatalf("MkdirPrivate(another user's) = %v", err)
	}
	if m := mode(t, dir).Perm(); m != 0o700 {
		t.Errorf("mode changed to %04o", m)
	}
	if st := mustStat(t, dir); st.Uid != otherUID {
		t.Errorf("owner changed to %d", st.Uid)
	}
}

func mustStat(t *testing.T, path string) *syscall.Stat_t {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Sys().(*syscall.Stat_t)
}

// Tighten puts a loose file of the user's back to 0600, and changes neither a link's target nor another
// user's file.
func TestTightenChangesOnlyTheUsersOwnFileNeverALinksTarget(t *testing.T) {
	dir := t.TempDir()
	own := filepath.Join(dir, "state.json")
	if err := os.WriteFile(own, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if was, changed, err := Tighten(own, 0o600); err != nil || !changed || was != 0o644 || mode(t, own).Perm() != 0o600 {
		t.Errorf("Tighten(own 0644) = %04o %v %v, now %v", was, changed, err, mode(t, own))
	}
	if _, changed, err := Tighten(own, 0o600); changed || err != nil {
		t.Errorf("Tighten(0600) = %v %v", changed, err)
	}
	target := filepath.Join(dir, "target")
	if err := os.WriteFile(target, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "tokens.json")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if _, changed, err := Tighten(link, 0o600); changed || err != nil || mode(t, target).Perm() != 0o644 {
		t.Errorf("Tighten(link) = %v %v, target now %v", changed, err, mode(t, target))
	}
	if _, changed, err := Tighten(filepath.Join(dir, "missing"), 0o600); changed || err != nil {
		t.Errorf("Tighten(missing) = %v %v", changed, err)
	}
	if os.Geteuid() == 0 {
		if err := os.Chown(target, otherUID, otherUID); err != nil {
			t.Fatal(err)
		}
		if _, changed, err := Tighten(target, 0o600); changed || err != nil || mode(t, target).Perm() != 0o644 {
			t.Errorf("Tighten(another user's) = %v %v, now %v", changed, err, mode(t, target))
		}
	}
}
