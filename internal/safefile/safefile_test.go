package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func mode(t *testing.T, path string) fs.FileMode {
	t.Helper()
	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode()
}

func TestWriteAtomicWrites0600AndLeavesNoTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	for _, data := range []string{"first", "second"} {
		if err := WriteAtomic(path, []byte(data)); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(path); string(b) != data {
			t.Fatalf("content = %q, want %q", b, data)
		}
	}
	if m := mode(t, path).Perm(); m != 0o600 {
		t.Errorf("mode = %04o, want 0600", m)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
}

// A symbolic link in place of the file is replaced by the file; what it pointed at is untouched.
func TestWriteAtomicReplacesASymlinkInsteadOfWritingThroughIt(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "elsewhere")
	if err := os.WriteFile(target, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "tokens.json")
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
	if err := WriteAtomic(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(target); string(b) != "keep" || mode(t, target).Perm() != 0o644 {
		t.Errorf("the link's target changed: %q %v", b, mode(t, target))
	}
	if !mode(t, path).IsRegular() {
		t.Errorf("tokens.json is still a link")
	}
}

func TestOpenAppendCreates0600AndRefusesASymlink(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "debug.log")
	f, err := OpenAppend(log)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if m := mode(t, log).Perm(); m != 0o600 {
		t.Errorf("mode = %04o, want 0600", m)
	}
	if runtime.GOOS == "windows" {
		return
	}
	target := filepath.Join(dir, "victim")
	link := filepath.Join(dir, "linked.log")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	f, err = OpenAppend(link)
	if err == nil {
		_ = f.Close()
		t.Fatal("a symlinked log was opened")
	}
	if !errors.Is(err, ErrSymlink) || !strings.Contains(err.Error(), link) || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("error = %v", err)
	}
	if _, err := os.Lstat(target); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the link's target was created: %v", err)
	}
}

func TestLockFlagsRefuseASymlink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no O_NOFOLLOW")
	}
	dir := t.TempDir()
	target := filepath.Join(dir, "victim")
	link := filepath.Join(dir, "session.lock")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(link, LockFlags, 0o600)
	if err == nil {
		_ = f.Close()
		t.Fatal("a symlinked lock was opened")
	}
	if err := NoFollowError(link, err); !errors.Is(err, ErrSymlink) {
		t.Errorf("NoFollowError = %v", err)
	}
	if _, err := os.Lstat(target); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the link's target was created: %v", err)
	}
	if err := NoFollowError(link, fs.ErrPermission); errors.Is(err, ErrSymlink) {
		t.Error("another error was taken for a symlink refusal")
	}
}

// A directory that exists keeps its mode (a shared 1777 one); missing ones are created 0700.
func TestMkdirPrivateCreates0700AndLeavesAnExistingDirectoryAlone(t *testing.T) {
	shared := t.TempDir()
	if err := os.Chmod(shared, 0o777|fs.ModeSticky); err != nil {
		t.Fatal(err)
	}
	deep := filepath.Join(shared, "a", "b")
	if err := MkdirPrivate(deep); err != nil {
		t.Fatal(err)
	}
	if err := MkdirPrivate(shared); err != nil {
		t.Fatal(err)
	}
	if m := mode(t, shared); m.Perm() != 0o777 || m&fs.ModeSticky == 0 {
		t.Errorf("the shared directory is now %v", m)
	}
	for _, d := range []string{filepath.Join(shared, "a"), deep} {
		if m := mode(t, d).Perm(); m != 0o700 {
			t.Errorf("%s = %04o, want 0700", d, m)
		}
	}
	if created, err := Mkdir(deep); created || err != nil {
		t.Errorf("Mkdir(existing) = %v, %v", created, err)
	}
	if created, err := Mkdir(filepath.Join(deep, "c")); !created || err != nil {
		t.Errorf("Mkdir(new) = %v, %v", created, err)
	}
	if m, ok := WritableByOthers(shared); !ok || m != 0o1777 {
		t.Errorf("WritableByOthers(1777) = %04o, %v", m, ok)
	}
	if _, ok := WritableByOthers(deep); ok {
		t.Error("WritableByOthers(0700) = true")
	}
}

func TestWritable(t *testing.T) {
	dir := t.TempDir()
	if err := Writable(dir); err != nil {
		t.Errorf("Writable(temp dir) = %v", err)
	}
	if err := Writable(filepath.Join(dir, "missing")); err == nil {
		t.Error("Writable(missing) = nil")
	}
}
