package state_test

import (
	"testing"

	"github.com/panel-dev/panel/emulator/seed"
	"github.com/panel-dev/panel/emulator/state"
)

func large(b *testing.B) (*state.State, state.User) {
	b.Helper()
	st, err := state.New(seed.Generate(10000))
	if err != nil {
		b.Fatal(err)
	}
	alice, _ := st.FirstUser()
	return st, alice
}

func BenchmarkNewWith10000Organizations(b *testing.B) {
	sd := seed.Generate(10000)
	for b.Loop() {
		if _, err := state.New(sd); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUserOrganizations10000(b *testing.B) {
	st, alice := large(b)
	for b.Loop() {
		if len(st.UserOrganizations(alice.ID)) != 10003 {
			b.Fatal("wrong count")
		}
	}
}

func BenchmarkRefreshIntoAnotherOrganization10000(b *testing.B) {
	st, alice := large(b)
	_, rt, _ := st.CreateSession(alice.ID, "org_acme", "Password")
	orgs := []string{"org_bench_09999", "org_acme"}
	i := 0
	for b.Loop() {
		var err error
		if _, rt, err = st.RefreshSession(rt, orgs[i%2]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
