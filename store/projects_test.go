package store

import "testing"

// Each organization keeps its own current project (B29): switches between
// organizations and other processes' reads leave every one as it was chosen;
// only leaving an organization or losing the project forgets it.
func TestCurrentProjectIsKeptPerOrganization(t *testing.T) {
	dir := t.TempDir()
	s := Open(dir, nil)
	steps := []func(*State){
		func(st *State) { st.SetCurrentProject("org_acme", "prj_web") },
		func(st *State) { st.RecordSwitch("org_acme", "org_globex") },
		func(st *State) { st.SetCurrentProject("org_globex", "prj_api") },
		func(st *State) { st.RecordSwitch("org_globex", "org_acme") },
	}
	for _, step := range steps {
		if err := s.Update(step); err != nil {
			t.Fatal(err)
		}
	}
	other := Open(dir, nil) // another process
	if a, g := other.CurrentProject("org_acme"), other.CurrentProject("org_globex"); a != "prj_web" || g != "prj_api" {
		t.Fatalf("acme %q, globex %q; want prj_web, prj_api", a, g)
	}
	if err := s.Update(func(st *State) { st.ForgetProject("prj_api"); st.ForgetOrganization("org_umbrella") }); err != nil {
		t.Fatal(err)
	}
	if a, g := Open(dir, nil).CurrentProject("org_acme"), Open(dir, nil).CurrentProject("org_globex"); a != "prj_web" || g != "" {
		t.Fatalf("after forgetting globex's project: acme %q, globex %q", a, g)
	}
}
