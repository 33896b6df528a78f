package store

import (
	"os"
	"path/filepath"
	"testing"
)

func TestKnownOrganizationsReplaceUpsertForget(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "profiles", "default")
	s := Open(dir, nil)
	if k, err := s.KnownOrganizations(); err != nil || len(k.Organizations) != 0 || k.Complete {
		t.Fatalf("empty profile: %+v %v", k, err)
	}
	acme := KnownOrganization{ID: "o1", ExternalID: "org_acme", Name: "acme", Status: "ACTIVE", DefaultProjectID: "p1"}
	globex := KnownOrganization{ID: "o2", ExternalID: "org_globex", Name: "globex", DefaultProjectID: "p2"}
	if err := s.RememberOrganizations([]KnownOrganization{acme, globex}, true); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(filepath.Join(dir, KnownOrganizationsFile)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("organizations.json: %v %v", fi, err)
	}
	// Another process reads it; names match without case, ids exactly.
	k, _ := Open(dir, nil).KnownOrganizations()
	for _, q := range []string{"org_acme", "o1", "ACME"} {
		if o, ok := k.Find(q); !ok || o != acme {
			t.Errorf("Find(%q) = %+v %v", q, o, ok)
		}
	}
	if _, ok := k.Find("initech"); ok || !k.Complete {
		t.Errorf("complete %v, initech found %v", k.Complete, ok)
	}
	// The same lookups straight from the file's lines, and the fallback.
	for _, q := range []string{"org_acme", "o1", "acme", "ACME"} {
		if o, ok := s.FindKnownOrganization(q); !ok || o != acme {
			t.Errorf("FindKnownOrganization(%q) = %+v %v", q, o, ok)
		}
	}
	for _, q := range []string{"initech", "", "p1", `"`} {
		if o, ok := s.FindKnownOrganization(q); ok {
			t.Errorf("FindKnownOrganization(%q) = %+v", q, o)
		}
	}

	// One organization seen on its own updates its entry and keeps the rest.
	globex.DefaultProjectID = "p3"
	initech := KnownOrganization{ExternalID: "org_initech", Name: "initech"}
	if err := s.RememberOrganizations([]KnownOrganization{globex, initech}, false); err != nil {
		t.Fatal(err)
	}
	k, _ = s.KnownOrganizations()
	if o, _ := k.Find("globex"); len(k.Organizations) != 3 || o.DefaultProjectID != "p3" || !k.Complete {
		t.Errorf("after upsert: %+v", k)
	}
	// Nothing new: no write.
	before, _ := os.Stat(filepath.Join(dir, KnownOrganizationsFile))
	if err := s.RememberOrganizations([]KnownOrganization{acme}, false); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.Stat(filepath.Join(dir, KnownOrganizationsFile)); !os.SameFile(before, after) {
		t.Error("an unchanged list was written again")
	}

	if err := s.ForgetKnownOrganization("org_acme"); err != nil {
		t.Fatal(err)
	}
	if k, _ = s.KnownOrganizations(); len(k.Organizations) != 2 {
		t.Errorf("after forgetting acme: %+v", k)
	}
	if err := s.ForgetKnownOrganizations(); err != nil {
		t.Fatal(err)
	}
	if k, _ = s.KnownOrganizations(); len(k.Organizations) != 0 || k.Complete {
		t.Errorf("after forgetting all: %+v", k)
	}
}

func TestCorruptKnownOrganizationsReadAsEmptyAndAreReplaced(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, KnownOrganizationsFile), []byte("{half"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := Open(dir, nil)
	if k, err := s.KnownOrganizations(); err != nil || len(k.Organizations) != 0 {
		t.Fatalf("corrupt file: %+v %v", k, err)
	}
	if err := s.RememberOrganizations([]KnownOrganization{{ExternalID: "org_acme", Name: "acme"}}, false); err != nil {
		t.Fatal(err)
	}
	if k, _ := s.KnownOrganizations(); len(k.Organizations) != 1 {
		t.Errorf("after remember: %+v", k)
	}
}
