package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The release ships these pages (scripts/release-assets.sh); scripts/test-release.sh checks them inside the .deb.
func TestManPagesCoverTheCommandTree(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "man")
	if err := write(dir, "v1.2.3"); err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"panel.1", "panel-orgs-list.1", "panel-orgs-switch.1", "panel-status.1", "panel-logs-tail.1"} {
		data, err := os.ReadFile(filepath.Join(dir, page))
		if err != nil || !strings.Contains(string(data), `.TH "PANEL" "1"`) || !strings.Contains(string(data), "panel v1.2.3") {
			t.Errorf("%s: %v\n%.300s", page, err, data)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "panel-__demo-browser.1")); err == nil {
		t.Error("a hidden command has a page")
	}
}
