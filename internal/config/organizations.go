package config

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Organization is how one organization looks in the TUI's header: a colour
// of its own and a label next to its name ("customer", "internal", "prod").
// In the file, under `organizations:` keyed by the organization's id or
// name, at the top level (every profile) or in a profile (which wins):
//
//	organizations:
//	  org_2f9x…:
//	    color: red
//	    label: prod
//	  acme:
//	    label: customer
type Organization struct {
	// Color is one of OrganizationColors or #RRGGBB; empty: derived from the organization's id.
	Color string `yaml:"color,omitempty"`
	Label string `yaml:"label,omitempty"`
}

// OrganizationColors are the names of the header's palette (tui/theme keeps the same names).
var OrganizationColors = []string{"red", "orange", "yellow", "green", "teal", "blue", "purple", "pink"}

// maxLabel bounds a label: it shares the header with the name.
const maxLabel = 16

// isHexColor reports whether s is #RRGGBB (a function, not a regular expression: this package is on every
// command's start path, and a compiled expression would be built at every start).
func isHexColor(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for _, c := range []byte(s[1:]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// organizations merges the file's top-level entries with the profile's and
// checks them; what cannot be used is left out with a warning.
func organizations(path, profile string, top, own map[string]Organization) (map[string]Organization, []string) {
	out := map[string]Organization{}
	var warnings []string
	for _, set := range []struct {
		where   string
		entries map[string]Organization
	}{{"organizations", top}, {"profiles." + profile + ".organizations", own}} {
		for _, key := range sortedKeys(set.entries) {
			o, problems := checkOrganization(set.entries[key])
			for _, p := range problems {
				warnings = append(warnings, fmt.Sprintf("warning: %s: %s.%s: %s", path, set.where, key, p))
			}
			out[key] = o
		}
	}
	return out, warnings
}

func checkOrganization(o Organization) (Organization, []string) {
	var problems []string
	o.Color = strings.ToLower(strings.TrimSpace(o.Color))
	if o.Color != "" && !isHexColor(o.Color) && !slices.Contains(OrganizationColors, o.Color) {
		problems = append(problems, fmt.Sprintf("color %q is not one of %s or #RRGGBB (ignored)",
			o.Color, strings.Join(OrganizationColors, ", ")))
		o.Color = ""
	}
	label := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, strings.TrimSpace(o.Label))
	if runes := []rune(label); len(runes) > maxLabel {
		problems = append(problems, fmt.Sprintf("label %q is longer than %d characters (cut)", label, maxLabel))
		label = string(runes[:maxLabel])
	}
	o.Label = label
	return o, problems
}

func sortedKeys(m map[string]Organization) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
