package api_test

import (
	"strings"
	"testing"

	"github.com/panel-dev/panel/api"
)

func TestValidateOrganizationNameSaysWhichRule(t *testing.T) {
	for name, want := range map[string]string{
		"":                      "empty",
		strings.Repeat("a", 40): "at most 39",
		"Acme":                  "uppercase",
		"ac me":                 "character",
		"-acme":                 "start",
		"acme-":                 "end",
		"ac--me":                `"--"`,
	} {
		err := api.ValidateOrganizationName(name)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want it to mention %s", name, err, want)
		}
	}
	for _, ok := range []string{"a", "acme", "acme-2", strings.Repeat("a", 39), "9lives"} {
		if err := api.ValidateOrganizationName(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
}

func TestNormalizeEmail(t *testing.T) {
	for in, want := range map[string]string{
		"a@example.com": "a@example.com", "a.b+c@sub.example.co": "a.b+c@sub.example.co",
		"  Carol@Example.COM ": "carol@example.com", "   ": "",
	} {
		if got, err := api.NormalizeEmail(in); got != want || err != nil {
			t.Errorf("NormalizeEmail(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, why := range map[string]string{
		"nope": "not a valid email address", "a@": "not a valid", "@example.com": "not a valid",
		"A <a@example.com>": "not a valid", "a b@example.com": "not a valid", "<a@example.com>": "not a valid",
		"a@localhost": "the domain needs a dot", "a@b": "the domain needs a dot", "a@example.": "not a valid",
	} {
		if got, err := api.NormalizeEmail(in); got != strings.ToLower(in) || err == nil || !strings.Contains(err.Error(), why) {
			t.Errorf("NormalizeEmail(%q) = %q, %v; want an error saying %q", in, got, err, why)
		}
	}
}
