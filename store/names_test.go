package store

import (
	"os"
	"path/filepath"
	"testing"
)

func TestNamesAreKeptByKindAndScopeAndReplacedWhole(t *testing.T) {
	dir := t.TempDir()
	s := Open(dir, func(string) {})
	if got := s.Names(NamesProjects, "org_a"); got != nil {
		t.Fatalf("empty store has names: %v", got)
	}
	if err := s.RememberNames(NamesProjects, "org_a", []Name{{ID: "p1", Name: "web"}, {ID: "p2", Name: "api"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.RememberNames(NamesProjects, "org_b", []Name{{ID: "p3", Name: "other"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.RememberNames(NamesProjects, "org_a", []Name{{ID: "p2", Name: "api"}}); err != nil {
		t.Fatal(err)
	}
	if got := Open(dir, nil).Names(NamesProjects, "org_a"); len(got) != 1 || got[0].Name != "api" {
		t.Fatalf("org_a projects = %v", got)
	}
	if got := s.Names(NamesProjects, "org_b"); len(got) != 1 || got[0].ID != "p3" {
		t.Fatalf("org_b projects = %v", got)
	}
	fi, err := os.Stat(filepath.Join(dir, NamesFile))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("names.json: %v %v", fi.Mode(), err)
	}
	if err := s.ForgetNames(); err != nil {
		t.Fatal(err)
	}
	if got := s.Names(NamesProjects, "org_b"); got != nil {
		t.Fatalf("after ForgetNames: %v", got)
	}
}

func TestCorruptNamesReadAsEmpty(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, NamesFile), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := Open(dir, func(string) {})
	if got := s.Names(NamesMembers, "x"); got != nil {
		t.Fatalf("corrupt file gave %v", got)
	}
	if err := s.RememberNames(NamesMembers, "x", []Name{{ID: "m", Name: "a@b.c"}}); err != nil {
		t.Fatal(err)
	}
	if got := s.Names(NamesMembers, "x"); len(got) != 1 {
		t.Fatalf("rewritten: %v", got)
	}
}
