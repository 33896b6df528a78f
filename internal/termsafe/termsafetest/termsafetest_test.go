package termsafetest

import (
	"testing"

	"github.com/panel-dev/panel/emulator/seed"
	"github.com/panel-dev/panel/internal/termsafe"
)

// The checker sees every hostile string of the seed, and none once sanitized.
func TestProblemsSeesEveryHostileFieldAndNoneSanitized(t *testing.T) {
	s := seed.Hostile()
	var fields []string
	for _, u := range s.Users {
		fields = append(fields, u.FirstName, u.LastName)
	}
	for _, o := range s.Organizations {
		fields = append(fields, o.Name)
		for _, p := range o.Projects {
			fields = append(fields, p.Description)
		}
	}
	fields = append(fields, s.LogMessages...)
	for _, f := range fields {
		if f == "Default project" {
			continue
		}
		if len(Problems(f, true)) == 0 && len(Problems("x"+f, false)) == 0 {
			t.Errorf("no problem seen in %q", f)
		}
		if p := Problems(termsafe.Line(f), false); len(p) > 0 {
			t.Errorf("problems left in Line(%q): %v", f, p)
		}
	}
}

func TestProblemsSeesOurStylingSanitizedAsData(t *testing.T) {
	ours := "\x1b[38;2;154;154;154m (refreshed)\x1b[0m"
	if p := Problems(ours, true); len(p) > 0 {
		t.Fatalf("our styling flagged: %v", p)
	}
	if p := Problems(termsafe.Line(ours), true); len(p) == 0 {
		t.Fatal("our styling sanitized as data went unseen")
	}
}
