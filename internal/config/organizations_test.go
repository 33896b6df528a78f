package config

import (
	"strings"
	"testing"
)

func TestOrganizationsColoursAndLabels(t *testing.T) {
	dir := isolate(t)
	writeConfig(t, dir, `
organizations:
  org_acme: {color: Red, label: customer}
  globex: {label: internal}
profiles:
  default:
    organizations:
      org_acme: {color: "#1E7F3C", label: prod}
      initech: {color: ultraviolet, label: "a label far too long for the header", colour: blue}
`)
	c := load(t, Overrides{})
	if got := c.Organizations["org_acme"]; got.Color != "#1e7f3c" || got.Label != "prod" {
		t.Errorf("the profile's entry should win: %+v", got)
	}
	if got := c.Organizations["globex"]; got.Label != "internal" || got.Color != "" {
		t.Errorf("globex = %+v", got)
	}
	if got := c.Organizations["initech"]; got.Color != "" || got.Label != "a label far too " {
		t.Errorf("initech's unusable colour and long label: %+v", got)
	}
	want := []string{`"profiles.default.organizations.initech.colour"`, `color "ultraviolet"`, "longer than 16"}
	all := strings.Join(c.Warnings, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("no warning says %s:\n%s", w, all)
		}
	}
	if len(c.Warnings) != len(want) {
		t.Errorf("warnings:\n%s", all)
	}
}

// A colour is #RRGGBB exactly, in either case, or one of the palette's names.
func TestOrganizationColourForms(t *testing.T) {
	for color, ok := range map[string]bool{
		"#1E7F3C": true, "#1e7f3c": true, " #A0b1C2 ": true, "teal": true, "": true,
		"#1e7f3": false, "#1e7f3c0": false, "1e7f3c0": false, "#gg7f3c": false, "##e7f3c": false, "#1e7f3 ": false,
	} {
		_, problems := checkOrganization(Organization{Color: color})
		if (len(problems) == 0) != ok {
			t.Errorf("colour %q: problems %v, want usable %v", color, problems, ok)
		}
	}
}
