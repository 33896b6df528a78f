package complete

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/store"
)

func source(t *testing.T) Source {
	t.Helper()
	st := store.Open(t.TempDir(), func(string) {})
	if err := st.RememberOrganizations([]store.KnownOrganization{
		{ExternalID: "org_acme", Name: "acme"}, {ExternalID: "org_globex", Name: "globex"}, {ExternalID: "org_bad", Name: "bad\x1bname"},
	}, true); err != nil {
		t.Fatal(err)
	}
	if err := st.Update(func(s *store.State) { s.Last.Organization = &store.Organization{ExternalID: "org_acme"} }); err != nil {
		t.Fatal(err)
	}
	if err := st.RememberNames(store.NamesMembers, "org_acme", []store.Name{
		{ID: "m1", Name: "alice@example.com", Note: "owner"}, {ID: "m2", Name: "bob@example.com", Note: "member\n"},
	}); err != nil {
		t.Fatal(err)
	}
	if err := st.RememberNames(store.NamesMembers, "org_globex", []store.Name{{ID: "m3", Name: "carol@example.com"}}); err != nil {
		t.Fatal(err)
	}
	return Source{Store: func() (*store.Store, error) { return st, nil }}
}

func TestOrganizationsOfferNamesWithTheirIDsAndNoControls(t *testing.T) {
	got, dir := source(t).OrganizationArgs()(nil, nil, "")
	if strings.Join(got, "|") != "acme\torg_acme|globex\torg_globex" || dir != cobra.ShellCompDirectiveNoFileComp {
		t.Fatalf("got %q %v", got, dir)
	}
	if got, _ := source(t).OrganizationArgs()(nil, []string{"acme"}, ""); len(got) != 0 {
		t.Fatalf("a second argument got %q", got)
	}
}

func TestNamesOfTheCurrentOrganizationByPrefix(t *testing.T) {
	s := source(t)
	got, _ := s.Args(store.NamesMembers)(nil, nil, "B")
	if strings.Join(got, "|") != "bob@example.com\tmember\uFFFD" {
		t.Fatalf("got %q", got)
	}
	s.Organization = func() string { return "org_globex" }
	got, _ = s.EveryArg(store.NamesMembers)(nil, nil, "")
	if strings.Join(got, "|") != "carol@example.com" {
		t.Fatalf("with an organization override: %q", got)
	}
	if got, _ := s.EveryArg(store.NamesMembers)(nil, []string{"carol@example.com"}, ""); len(got) != 0 {
		t.Fatalf("a name already given is offered again: %q", got)
	}
}
