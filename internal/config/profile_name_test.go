package config

import (
	"regexp"
	"strings"
	"testing"
)

// The written-out profile name check accepts exactly what ^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$ does.
func TestProfileNameCheckIsTheRule(t *testing.T) {
	rule := regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`)
	cases := []string{"", "a", "default", "ci-2", "a.b_c-d", "9", "_a", ".a", "-a", "a/b", "../etc", "a\n", "é",
		"a b", "A", strings.Repeat("x", 63), strings.Repeat("x", 64), strings.Repeat("x", 65), "x" + strings.Repeat(".", 63)}
	for _, c := range cases {
		if got, want := validProfileName(c), rule.MatchString(c); got != want {
			t.Errorf("validProfileName(%q) = %v, the rule says %v", c, got, want)
		}
	}
}
