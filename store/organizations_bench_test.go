package store

import (
	"fmt"
	"testing"
)

// tenThousandKnown is a store that knows 10,000 organizations.
func tenThousandKnown(b *testing.B) *Store {
	s := Open(b.TempDir(), nil)
	orgs := make([]KnownOrganization, 10_000)
	for i := range orgs {
		orgs[i] = KnownOrganization{ID: fmt.Sprintf("3f1c2a9e-0000-4000-8000-%012d", i), ExternalID: fmt.Sprintf("org_01HBENCH%016d", i),
			Name: fmt.Sprintf("bench-%05d", i), Status: "ACTIVE", DefaultProjectID: fmt.Sprintf("7d0b5c1e-0000-4000-8000-%012d", i)}
	}
	if err := s.RememberOrganizations(orgs, true); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkFindKnownOrganization is what `panel orgs switch <name>` pays
// locally for a user of 10,000 organizations: read organizations.json and
// decode the one line that names the organization.
func BenchmarkFindKnownOrganization(b *testing.B) {
	s := tenThousandKnown(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := s.FindKnownOrganization("bench-09999"); !ok {
			b.Fatal("not found")
		}
	}
}

// BenchmarkDecodeKnownOrganizations is the whole list decoded (a fuzzy
// match needs every name).
func BenchmarkDecodeKnownOrganizations(b *testing.B) {
	s := tenThousandKnown(b)
	b.ReportAllocs()
	for b.Loop() {
		if k, err := s.KnownOrganizations(); err != nil || len(k.Organizations) != 10_000 {
			b.Fatal(len(k.Organizations), err)
		}
	}
}
