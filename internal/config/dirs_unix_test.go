//go:build unix

package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A profile directory (or profiles/) that belongs to another user is refused with an error that says
// whose it is and what to do, and nothing of it is changed.
func TestEnsureProfileDirRefusesAnotherUsersDirectory(t *testing.T) {
	if os.Geteuid() != 0 {
		if os.Getenv("CI") == "true" {
			t.Fatal("this test gives a directory to another user: it needs root under CI=true")
		}
		t.Skip("needs root to give a directory to another user")
	}
	for _, foreign := range []string{"profiles", filepath.Join("profiles", "default")} {
		root := isolate(t)
		c := load(t, Overrides{})
		if _, err := c.EnsureProfileDir(); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(root, foreign)
		if err := os.Chown(path, 4242, 4242); err != nil {
			t.Fatal(err)
		}
		_, err := c.EnsureProfileDir()
		if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "another user (uid 4242)") ||
			!strings.Contains(err.Error(), "PANEL_CONFIG_DIR") {
			t.Errorf("%s owned by uid 4242: %v", foreign, err)
		}
		if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o700 {
			t.Errorf("%s mode changed: %v", foreign, fi.Mode())
		}
	}
}
