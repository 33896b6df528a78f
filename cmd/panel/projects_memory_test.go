package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/config"
	"github.com/panel-dev/panel/store"
)

// Each organization keeps its current project (B29): `projects use web` in
// acme, a switch to globex and back, and acme's current project is web again;
// one that no longer exists gives the default, and the switch says so.
func TestProjectsUseIsKeptPerOrganization(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "alice@example.com")
	c.ok("projects", "use", "web")
	if out := c.ok("orgs", "switch", "globex"); !strings.Contains(out, "Current project: default") {
		t.Fatalf("first visit to globex:\n%s", out)
	}
	out, errOut, code := c.panel("", "orgs", "switch", "acme")
	if code != 0 || !strings.Contains(out, "Current project: web") || errOut != "" {
		t.Fatalf("back to acme: exit %d\n%s%s", code, out, errOut)
	}
	if out := c.ok("projects", "list"); !projectMarkedCurrent(out, "web") {
		t.Errorf("projects list after the switch back does not mark web:\n%s", out)
	}

	c.ok("orgs", "switch", "globex")
	st := store.Open(filepath.Join(c.dir, "profiles", config.DefaultProfile), nil)
	if err := st.Update(func(s *store.State) { s.SetCurrentProject("org_acme", "prj_deleted") }); err != nil {
		t.Fatal(err)
	}
	out, errOut, code = c.panel("", "orgs", "switch", "acme")
	if code != 0 || !strings.Contains(out, "Current project: default") ||
		!strings.Contains(errOut, "The project you last used in acme (prj_deleted) no longer exists; now using the default project, default.") {
		t.Fatalf("back to acme with its project gone: exit %d\n%s%s", code, out, errOut)
	}
}

// projectMarkedCurrent reports whether the list's line of name is marked
// as the current project.
func projectMarkedCurrent(list, name string) bool { return markedCurrent(list, name) }

// markedCurrent reports whether a piped list marks the row of name as current: its first field is the name
// and its last field the word "current".
func markedCurrent(list, name string) bool {
	for _, line := range strings.Split(list, "\n") {
		f := strings.Split(line, "\t")
		if len(f) > 1 && f[0] == name && f[len(f)-1] == "current" {
			return true
		}
	}
	return false
}
