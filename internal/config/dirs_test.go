package config

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// A shared PANEL_CONFIG_DIR (1777, like /tmp) keeps its mode; the directories panel creates in it are
// 0700 (B27).
func TestEnsureProfileDirLeavesASharedDirectoryAlone(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix modes")
	}
	shared := isolate(t)
	if err := os.Chmod(shared, 0o777|fs.ModeSticky); err != nil {
		t.Fatal(err)
	}
	c := load(t, Overrides{Profile: "work"})
	var warnings []string
	c.Warn = func(w string) { warnings = append(warnings, w) }
	dir, err := c.EnsureProfileDir()
	if err != nil || dir != filepath.Join(shared, "profiles", "work") {
		t.Fatalf("EnsureProfileDir = %s, %v", dir, err)
	}
	if fi, _ := os.Stat(shared); fi.Mode().Perm() != 0o777 || fi.Mode()&fs.ModeSticky == 0 {
		t.Errorf("the shared directory is now %v", fi.Mode())
	}
	for _, d := range []string{filepath.Join(shared, "profiles"), dir} {
		if fi, _ := os.Stat(d); fi.Mode().Perm() != 0o700 {
			t.Errorf("%s = %v, want 0700", d, fi.Mode())
		}
	}
	if len(warnings) != 0 {
		t.Errorf("warnings = %q", warnings)
	}

	// A profile directory the user loosened stays as the user set it: warned when others can write in it.
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	if _, err := c.EnsureProfileDir(); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o777 {
		t.Errorf("the profile directory was changed to %v", fi.Mode())
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], dir) || !strings.Contains(warnings[0], "0777") ||
		!strings.Contains(warnings[0], "chmod 700") {
		t.Errorf("warnings = %q", warnings)
	}
}

// A missing config directory is created 0700, parents included.
func TestEnsureProfileDirCreatesMissingDirectories0700(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix modes")
	}
	base := isolate(t)
	root := filepath.Join(base, "new", "panel")
	t.Setenv("PANEL_CONFIG_DIR", root)
	c := load(t, Overrides{})
	dir, err := c.EnsureProfileDir()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{filepath.Join(base, "new"), root, filepath.Join(root, "profiles"), dir} {
		if fi, err := os.Stat(d); err != nil || fi.Mode().Perm() != 0o700 {
			t.Errorf("%s = %v %v, want 0700", d, fi.Mode(), err)
		}
	}
}
