package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Whatever state.json holds — a truncated write, another program's file, a newer panel's — loading it
// never fails nor panics: a file that does not decode is moved aside with a warning, one that decodes is
// used as is, and an update then works (or refuses a newer schema without touching the file).
// Seeds: f.Add below plus testdata/fuzz/FuzzStateFile/. By hand:
// go test -run='^$' -fuzz='^FuzzStateFile$' -fuzztime=5m ./store
func FuzzStateFile(f *testing.F) {
	f.Add([]byte(`{"version":1,"current_projects":{"org_acme":"p1"},"previous_organization":"org_globex",` +
		`"recent_organizations":["org_acme","org_globex"],"pinned_organizations":["org_acme"],` +
		`"last_known":{"user":{"email":"alice@example.com"},"organization":{"external_id":"org_acme","name":"acme"},"at":"2026-01-01T00:00:00Z"}}`))
	f.Add([]byte(`{"version":1,"current_projects":{"org_acme":"p1"`)) // truncated
	f.Add([]byte(`{"version":99}`))
	f.Add([]byte(`null`))
	f.Add([]byte{})
	f.Add([]byte(`{"version":-1,"current_projects":null,"recent_organizations":[null,""]}`))
	f.Add([]byte(`{"last_known":{"at":"not a time"}}`))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, FileName)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		var warnings []string
		s := Open(dir, func(w string) { warnings = append(warnings, w) })
		st, err := s.Load()
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		var want State
		decodes := json.Unmarshal(data, &want) == nil
		if decodes != (len(warnings) == 0) {
			t.Fatalf("decodes=%v but warnings %q", decodes, warnings)
		}
		if !decodes {
			if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
				t.Fatal("an undecodable file was left in place")
			}
			if len(st.CurrentProjects) != 0 || len(st.RecentOrganizations) != 0 {
				t.Fatalf("an undecodable file gave state %+v", st)
			}
			return // the write path of an empty state is the unit tests' business (and fsync is slow)
		}
		err = s.Update(func(st *State) { st.RecordSwitch(st.PreviousOrganization, "org_fuzz") })
		if want.Version > SchemaVersion {
			if !errors.Is(err, ErrNewerSchema) {
				t.Fatalf("newer schema: Update = %v", err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
				t.Fatal("a newer panel's file was modified")
			}
			return
		}
		if err != nil {
			t.Fatalf("Update: %v", err)
		}
		got, err := Open(dir, nil).Load()
		if err != nil || len(got.RecentOrganizations) == 0 || got.RecentOrganizations[0] != "org_fuzz" || got.Version != SchemaVersion {
			t.Fatalf("after Update: %+v, %v", got, err)
		}
	})
}
