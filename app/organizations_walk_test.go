package app_test

import (
	"testing"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/seed"
)

// The switcher's walk gives every organization once, in the server's order,
// as summaries that keep what it shows and switches with; resumed from an
// offset it gives the rest.
func TestWalkOrganizationsSummarizesEveryOrganizationInOrder(t *testing.T) {
	e := newEnv(t, startEmulator(t, emulator.Options{Seed: seed.Generate(450)}), "alice@example.com")
	cx := ctx(t)
	full, err := e.app.AllOrganizations(cx, app.OrganizationQuery{})
	if err != nil {
		t.Fatal(err)
	}
	walk := func(from int) []app.OrganizationSummary {
		w := e.app.WalkOrganizations(cx, app.OrganizationQuery{Offset: from})
		var got []app.OrganizationSummary
		for {
			b, err := w.Next(cx)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, b.Organizations...)
			if b.Done {
				return got
			}
		}
	}
	got := walk(0)
	if len(got) != len(full.Organizations) || len(got) != 453 {
		t.Fatalf("walked %d organizations, listed %d, want 453", len(got), len(full.Organizations))
	}
	for i, s := range got {
		o := full.Organizations[i]
		back := s.Organization()
		if back.ID != o.ID || back.ExternalID != o.ExternalID || back.Name != o.Name || back.Status != o.Status ||
			back.DefaultProjectID != o.DefaultProjectID {
			t.Fatalf("row %d: %+v summarizes %+v", i, s, o)
		}
		if s.FilterText() != o.Name+" "+o.ExternalID {
			t.Fatalf("row %d filters on %q", i, s.FilterText())
		}
	}
	if rest := walk(200); len(rest) != 253 || rest[0].ID != got[200].ID {
		t.Fatalf("a walk from 200 gave %d organizations, want the last 253", len(rest))
	}
}
