package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/panel-dev/panel/internal/safefile"
)

// EnsureProfileDir makes the profile directory ready for this process and returns it (B27).
//
// Directories that are missing are created 0700. One that exists keeps its mode and owner: the root may
// be a shared directory (PANEL_CONFIG_DIR=/tmp/x, mode 1777) and is not panel's to change. The profile
// directory and profiles/ must belong to the user running panel (another user could swap the files
// panel keeps there), and the profile directory must be writable, so that a command on a read-only file
// system fails before it gets a rotated refresh token it could not store. Others being able to write in
// the profile directory is warned about, not changed.
func (c *Config) EnsureProfileDir() (string, error) {
	return c.ProfileDir(), c.ensureProfileDir()
}

func (c *Config) ensureProfileDir() error {
	if err := os.MkdirAll(c.Dir, 0o700); err != nil { // creates what is missing; changes nothing that exists
		return c.dirError(err)
	}
	profiles := filepath.Join(c.Dir, "profiles")
	for _, d := range []string{profiles, c.ProfileDir()} {
		if _, err := safefile.Mkdir(d); err != nil {
			return c.dirError(err)
		}
		if err := safefile.CheckOwner(d); err != nil {
			return c.dirError(err)
		}
	}
	if err := safefile.Writable(c.ProfileDir()); err != nil {
		return c.dirError(err)
	}
	if mode, ok := safefile.WritableByOthers(c.ProfileDir()); ok {
		c.warn(fmt.Sprintf("warning: other users can write in %s (mode %04o) and could replace panel's files "+
			"there; make it yours alone: chmod 700 %s", c.ProfileDir(), mode, c.ProfileDir()))
	}
	return nil
}

func (c *Config) dirError(err error) error {
	var foreign *safefile.ForeignOwnerError
	if errors.As(err, &foreign) {
		return fmt.Errorf("panel will not use %s: it belongs to another user (uid %d), not to you (uid %d), "+
			"who could read or replace the session kept there; set PANEL_CONFIG_DIR to a directory of your own",
			foreign.Path, foreign.Owner, foreign.User)
	}
	return fmt.Errorf("cannot use the profile directory: %w", err)
}

func (c *Config) warn(s string) {
	if c.Warn != nil {
		c.Warn(s)
	}
}
