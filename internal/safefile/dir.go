package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrSymlink is wrapped by the errors of opens that found a symbolic link where panel's own file should be.
var ErrSymlink = errors.New("it is a symbolic link, which panel does not follow for its own files")

// ForeignOwnerError says a directory panel would keep its files in belongs to another user.
type ForeignOwnerError struct {
	Path  string
	Owner int // the directory's owner
	User  int // the effective user running panel
}

func (e *ForeignOwnerError) Error() string {
	return fmt.Sprintf("%s belongs to another user (uid %d), not to you (uid %d)", e.Path, e.Owner, e.User)
}

// MkdirPrivate makes sure dir exists and is the user's own. Missing directories (dir and its parents) are
// created 0700; an existing one keeps its mode and owner (it may be shared, such as a 1777 directory: not
// panel's to change), but dir itself must belong to the user running panel, else a *ForeignOwnerError.
func MkdirPrivate(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return CheckOwner(dir)
}

// Mkdir creates one directory 0700 and reports whether it did (false: it was there already).
func Mkdir(dir string) (created bool, err error) {
	err = os.Mkdir(dir, 0o700)
	if errors.Is(err, fs.ErrExist) {
		if fi, serr := os.Stat(dir); serr == nil && fi.IsDir() {
			return false, nil
		}
	}
	return err == nil, err
}

// CheckOwner returns a *ForeignOwnerError when path (followed if a link) belongs to another user.
func CheckOwner(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if owner, ok := ownerOf(fi); ok && owner != currentUser() {
		abs, _ := filepath.Abs(path)
		return &ForeignOwnerError{Path: abs, Owner: owner, User: currentUser()}
	}
	return nil
}

// NoFollowError returns err, or when err is an open that refused a symbolic link at path (NoFollow), an
// error that says so and wraps ErrSymlink.
func NoFollowError(path string, err error) error {
	if err != nil && isSymlinkRefusal(path, err) {
		return &fs.PathError{Op: "open", Path: path, Err: ErrSymlink}
	}
	return err
}

// WritableByOthers reports whether group or others may create entries in dir, with its mode in the
// octal form of chmod (1777 for a sticky world-writable directory).
func WritableByOthers(dir string) (mode uint32, ok bool) {
	fi, err := os.Stat(dir)
	if err != nil {
		return 0, false
	}
	mode = uint32(fi.Mode().Perm())
	if fi.Mode()&fs.ModeSticky != 0 {
		mode |= 0o1000
	}
	return mode, mode&0o022 != 0
}
