package theme

import (
	"fmt"
	"strings"
	"testing"

	"github.com/panel-dev/panel/internal/config"
)

func TestOrgSlotsAreStableWhateverTheOrderOfRecents(t *testing.T) {
	a := OrgSlots([]string{"org_acme", "org_globex", "org_initech"}, nil)
	b := OrgSlots([]string{"org_initech", "org_acme", "org_globex", "org_acme"}, nil)
	for id, s := range a {
		if b[id] != s {
			t.Fatalf("%s: slot %d, then %d with the same organizations in another order", id, s, b[id])
		}
	}
	if OrgSlots([]string{"org_acme"}, nil)["org_acme"] != hashSlot("org_acme") {
		t.Fatal("alone, an organization does not get its own id's slot")
	}
}

func TestOrgSlotsAreDistinctWhileThePaletteLasts(t *testing.T) {
	var ids []string
	for i := range len(OrgPalette) {
		ids = append(ids, fmt.Sprintf("org_%d", i))
	}
	slots := OrgSlots(ids, nil)
	seen := map[int]string{}
	for id, s := range slots {
		if other, dup := seen[s]; dup {
			t.Fatalf("%s and %s share slot %d", id, other, s)
		}
		seen[s] = id
	}
}

func TestOrgColourFromTheConfigWinsAndIsReserved(t *testing.T) {
	red := PaletteSlot("Red")
	// another organization whose own slot is red moves away from it
	var other string
	for i := 0; other == ""; i++ {
		if id := fmt.Sprintf("org_%d", i); hashSlot(id) == red {
			other = id
		}
	}
	slots := OrgSlots([]string{"org_prod", other}, map[string]int{"org_prod": red})
	if slots["org_prod"] != red || slots[other] == red {
		t.Fatalf("slots %v: the configured red is not org_prod's alone", slots)
	}
	th := New(false)
	b := th.OrgBadge("org_prod", slots, OrgLook{Colour: "red", Label: "prod"})
	if b.Mark != OrgPalette[red].Mark || b.Label != "prod" {
		t.Fatalf("badge %+v", b)
	}
	if got := th.OrgBadge("org_x", nil, OrgLook{Colour: "#123456"}).Name.GetBackground(); fmt.Sprint(got) != "#123456" {
		t.Fatalf("a hex colour from the config: background %v", got)
	}
}

func TestOrgBadgeWithoutColourHasOnlyItsMark(t *testing.T) {
	renderIn(t, true)
	b := New(true).OrgBadge("org_acme", nil, OrgLook{Label: "customer"})
	if out := b.Name.Render("acme"); len(colourParams(out)) != 0 || b.Mark == "" {
		t.Fatalf("without colour the badge is %q (mark %q)", out, b.Mark)
	}
}

func TestOrgBadgeTextReadsOnEveryColour(t *testing.T) {
	for _, c := range OrgPalette {
		if r := contrast(t, c.Background, TextOn(c.Background)); r < 4.5 {
			t.Errorf("%s: text on it has contrast %.2f", c.Name, r)
		}
		if strings.TrimSpace(c.Mark) == "" {
			t.Errorf("%s has no mark", c.Name)
		}
	}
}

// The config file checks colour names against its own list: the same names.
func TestOrgPaletteNamesAreTheConfigFilesNames(t *testing.T) {
	if len(OrgPalette) != len(config.OrganizationColors) {
		t.Fatalf("palette %d colours, config %d", len(OrgPalette), len(config.OrganizationColors))
	}
	for i, c := range OrgPalette {
		if c.Name != config.OrganizationColors[i] {
			t.Errorf("colour %d: palette %q, config %q", i, c.Name, config.OrganizationColors[i])
		}
	}
}
