package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/panel-dev/panel/emulator"
)

// The release ships man pages generated from the command tree (scripts/release-assets.sh runs `panel man`);
// scripts/test-release.sh checks them inside the .deb.
func TestManPagesCoverTheCommandTree(t *testing.T) {
	c := newCLIEnv(t, emulator.Options{})
	dir := filepath.Join(t.TempDir(), "man")
	c.ok("man", dir)
	for _, page := range []string{"panel.1", "panel-orgs-list.1", "panel-orgs-switch.1", "panel-status.1", "panel-logs-tail.1"} {
		data, err := os.ReadFile(filepath.Join(dir, page))
		if err != nil || !strings.Contains(string(data), ".TH \"PANEL\" \"1\"") {
			t.Errorf("%s: %v\n%.200s", page, err, data)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "panel-man.1")); err == nil {
		t.Error("the hidden man command has a page of its own")
	}
}
