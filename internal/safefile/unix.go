//go:build unix

package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"golang.org/x/sys/unix"
)

// NoFollow makes an open fail on a symbolic link instead of following it.
const NoFollow = syscall.O_NOFOLLOW

func ownerOf(fi fs.FileInfo) (int, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return int(st.Uid), true
}

func currentUser() int { return os.Geteuid() }

func isSymlinkRefusal(path string, err error) bool {
	if !errors.Is(err, syscall.ELOOP) && !errors.Is(err, syscall.EMLINK) { // EMLINK: the BSDs
		return false
	}
	fi, lerr := os.Lstat(path)
	return lerr == nil && fi.Mode()&fs.ModeSymlink != 0
}

// Tighten sets perm on a file or directory of panel's that group or others can reach (restored from a
// backup, copied with cp -r), and reports the mode it had. It changes only what the user owns, never
// follows a symbolic link, and leaves a path that is not there alone.
func Tighten(path string, perm fs.FileMode) (was fs.FileMode, changed bool, err error) {
	f, err := os.OpenFile(filepath.Clean(path), os.O_RDONLY|NoFollow|syscall.O_NONBLOCK, 0)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || isSymlinkRefusal(path, err) {
			return 0, false, nil
		}
		return 0, false, err
	}
	defer func() { _ = f.Close() }() // opened read only: nothing to lose
	fi, err := f.Stat()
	if err != nil {
		return 0, false, err
	}
	was = fi.Mode().Perm()
	if owner, ok := ownerOf(fi); !ok || owner != currentUser() || was&^perm == 0 {
		return was, false, nil
	}
	if err := f.Chmod(perm); err != nil {
		return was, false, err
	}
	return was, true, nil
}

// Writable fails when the user cannot create files in dir (a read-only file system, no write permission),
// so that a command stops before it gets something it could not store, such as a rotated refresh token.
func Writable(dir string) error {
	if err := unix.Access(dir, unix.W_OK); err != nil {
		return &fs.PathError{Op: "write in", Path: dir, Err: err}
	}
	return nil
}
