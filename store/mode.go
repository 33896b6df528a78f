package store

import (
	"fmt"

	"github.com/panel-dev/panel/internal/safefile"
)

// tightenMode puts a file of the profile that others can read (copied, restored from a backup, written by
// hand) back to 0600, or warns when it cannot. Nothing here is secret, but it names the user and their
// organizations. A symbolic link is not followed, and a file of another user's is not changed.
func (s *Store) tightenMode(path string) {
	if was, _, err := safefile.Tighten(path, 0o600); err != nil {
		s.warn(fmt.Sprintf("warning: %s is readable by other users (mode %04o) and could not be set to 0600: %v",
			path, was, err))
	}
}
