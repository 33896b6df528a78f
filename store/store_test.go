package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestUpdateWritesAtomicallyWith0600(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "profiles", "default")
	s := Open(dir, nil)
	if err := s.Update(func(st *State) { st.SetCurrentProject("org_acme", "p1") }); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("state.json mode = %v, want 0600", fi.Mode().Perm())
	}
	if di, _ := os.Stat(dir); di.Mode().Perm() != 0o700 {
		t.Errorf("profile dir mode = %v, want 0700", di.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temp file left behind: %s", e.Name())
		}
	}
	// A second store (another process) sees it.
	if got := Open(dir, nil).CurrentProject("org_acme"); got != "p1" {
		t.Errorf("CurrentProject = %q, want p1", got)
	}
	data, _ := os.ReadFile(s.Path())
	if !strings.Contains(string(data), `"version": 1`) {
		t.Errorf("schema version missing: %s", data)
	}
}

func TestCorruptFileIsMovedAsideAndProgramContinues(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	var warnings []string
	s := Open(dir, func(w string) { warnings = append(warnings, w) })
	st, err := s.Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(st.CurrentProjects) != 0 {
		t.Errorf("state not empty: %+v", st)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "corrupt") {
		t.Errorf("warnings = %q", warnings)
	}
	matches, _ := filepath.Glob(filepath.Join(dir, FileName+".corrupt-*"))
	if len(matches) != 1 {
		t.Errorf("corrupt copy not found: %v", matches)
	}
	if err := s.Update(func(st *State) { st.Pin("org_acme") }); err != nil {
		t.Fatalf("Update after corruption: %v", err)
	}
	if st, _ := s.Load(); !st.IsPinned("org_acme") {
		t.Error("pin lost")
	}
}

func TestNewerSchemaIsNotOverwritten(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte(`{"version": 99, "current_projects": {"o": "p"}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	s := Open(dir, nil)
	if got := s.CurrentProject("o"); got != "p" {
		t.Errorf("CurrentProject = %q, want p (a newer file is still read)", got)
	}
	if err := s.Update(func(st *State) {}); !errors.Is(err, ErrNewerSchema) {
		t.Errorf("Update = %v, want ErrNewerSchema", err)
	}
}

// Two stores on the same directory (as two processes) never lose an update.
func TestConcurrentUpdatesFromTwoStoresAreSerialized(t *testing.T) {
	dir := t.TempDir()
	a, b := Open(dir, nil), Open(dir, nil)
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := a
			if i%2 == 1 {
				s = b
			}
			org := fmt.Sprintf("org_%d", i)
			if err := s.Update(func(st *State) { st.SetCurrentProject(org, "p") }); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	st, _ := Open(dir, nil).Load()
	if len(st.CurrentProjects) != 20 {
		t.Errorf("got %d projects, want 20: an update was lost", len(st.CurrentProjects))
	}
}

func TestRecordSwitchKeepsPreviousAndRecentFirst(t *testing.T) {
	var st State
	st.RecordSwitch("", "org_a")
	st.RecordSwitch("org_a", "org_b")
	st.RecordSwitch("org_b", "org_a")
	if st.PreviousOrganization != "org_b" {
		t.Errorf("previous = %q, want org_b", st.PreviousOrganization)
	}
	if got := strings.Join(st.RecentOrganizations, ","); got != "org_a,org_b" {
		t.Errorf("recent = %s", got)
	}
	for i := range 15 {
		st.RecordSwitch("", "org_"+string(rune('c'+i)))
	}
	if len(st.RecentOrganizations) != maxRecent {
		t.Errorf("recent has %d entries, want %d", len(st.RecentOrganizations), maxRecent)
	}
}

func TestForgetOrganization(t *testing.T) {
	var st State
	st.SetCurrentProject("org_a", "p")
	st.RecordSwitch("org_a", "org_b")
	st.Pin("org_a")
	st.Last.Organization = &Organization{ExternalID: "org_a"}
	st.Last.User = &User{Email: "alice@example.com"}
	st.ForgetOrganization("org_a")
	if st.CurrentProject("org_a") != "" || st.IsPinned("org_a") || st.PreviousOrganization != "" ||
		st.Last.Organization != nil || st.Last.User == nil {
		t.Errorf("not forgotten: %+v", st)
	}
}
