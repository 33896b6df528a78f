package store

import (
	"fmt"
	"os"
)

// tightenMode puts a file of the profile that others can read (copied, restored from a backup, written by
// hand) back to 0600, or warns when it cannot. Nothing here is secret, but it names the user and their
// organizations.
func (s *Store) tightenMode(path string) {
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm()&0o077 == 0 {
		return
	}
	if err := os.Chmod(path, 0o600); err != nil {
		s.warn(fmt.Sprintf("warning: %s is readable by other users (mode %04o) and could not be set to 0600: %v",
			path, fi.Mode().Perm(), err))
	}
}
