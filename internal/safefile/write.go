package safefile

import (
	"os"
	"path/filepath"
)

// WriteAtomic replaces the file at path with data: a 0600 temporary file in the same directory, synced,
// then renamed over the old one. Readers see the old file or the new one, never a part; a symbolic link
// at path is replaced, not written through. The directory must exist.
func WriteAtomic(path string, data []byte) error {
	dir, name := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+name+".tmp-*") // CreateTemp opens O_EXCL with 0600
	if err != nil {
		return err
	}
	defer func() { _ = os.Remove(tmp.Name()) }() // after the rename this fails harmlessly
	if err := tmp.Chmod(0o600); err != nil {
		_ = tmp.Close() // the first error says what went wrong
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close() // the first error says what went wrong
		return err
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close() // the first error says what went wrong
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// OpenAppend opens a log file for appending, creating it 0600. It refuses a symbolic link at path (an
// error wrapping ErrSymlink) instead of writing wherever the link points.
func OpenAppend(path string) (*os.File, error) {
	f, err := os.OpenFile(filepath.Clean(path), os.O_CREATE|os.O_WRONLY|os.O_APPEND|NoFollow, 0o600)
	return f, NoFollowError(path, err)
}

// LockFlags are the flags a lock file is opened with: created if missing, read only (flock needs no
// more), never through a symbolic link. Give them to the lock library with the 0600 permission.
const LockFlags = os.O_CREATE | os.O_RDONLY | NoFollow
