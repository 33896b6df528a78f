package theme

import (
	"hash/fnv"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// Each organization has a look of its own on the header bar, so that a
// change of organization is seen from the corner of the eye: a colour and a
// mark derived from its id (the same on every start), a label from the
// config file ("prod", "customer"). Without colour the mark and the label
// carry it.

// OrgColour is one colour of the organizations' palette and the mark that
// stands for it without colour.
type OrgColour struct {
	Name       string // what the config file calls it
	Background string // #RRGGBB, the same on light and dark terminals: the badge brings its own text colour
	Mark       string
}

// OrgPalette are the organizations' colours, as far apart in hue as eight
// colours can be; an organization's slot picks its colour and its mark.
var OrgPalette = []OrgColour{
	{"red", "#D64541", "◆"},
	{"orange", "#E67E22", "▲"},
	{"yellow", "#F1C40F", "■"},
	{"green", "#27AE60", "▼"},
	{"teal", "#138D90", "✚"},
	{"blue", "#2E86DE", "◉"},
	{"purple", "#8E44AD", "◈"},
	{"pink", "#E84393", "✱"},
}

// OrgLook is an organization's look as configured: a palette colour's name
// or #RRGGBB (empty: derived from the id), and a label.
type OrgLook struct {
	Colour string
	Label  string
}

// PaletteSlot is the palette index of a colour name (-1 when it is none).
func PaletteSlot(name string) int {
	return slices.IndexFunc(OrgPalette, func(c OrgColour) bool { return strings.EqualFold(c.Name, name) })
}

// hashSlot is where an id falls in the palette on its own.
func hashSlot(id string) int {
	h := fnv.New32a()
	_, _ = h.Write([]byte(id))
	return int(h.Sum32() % uint32(len(OrgPalette))) //nolint:gosec // G115: the palette has a few entries
}

// OrgSlots gives each organization of known (the recent and pinned ones,
// by id) a palette slot: its id's own slot, or the next one free when an
// organization before it (by id, so the order of recents does not matter)
// took it; fixed are the slots chosen in the config file, taken first. Once
// the palette is full, an id keeps its own slot.
func OrgSlots(known []string, fixed map[string]int) map[string]int {
	slots := map[string]int{}
	taken := make([]bool, len(OrgPalette))
	for id, s := range fixed {
		slots[id] = s
		taken[s] = true
	}
	ids := slices.Clone(known)
	slices.Sort(ids)
	for _, id := range slices.Compact(ids) {
		if _, ok := slots[id]; ok {
			continue
		}
		s := hashSlot(id)
		for i := range len(OrgPalette) {
			if try := (s + i) % len(OrgPalette); !taken[try] {
				s = try
				break
			}
		}
		slots[id] = s
		taken[s] = true
	}
	return slots
}

// OrgBadge is how the header shows one organization.
type OrgBadge struct {
	Mark  string         // the palette slot's mark, before the name
	Label string         // from the config file ("" none)
	Name  lipgloss.Style // the name's style: the organization's colour behind it
}

// OrgBadge returns the badge of organization id: slots from OrgSlots, look
// from the config file (a colour there wins over the slot's).
func (t *Theme) OrgBadge(id string, slots map[string]int, look OrgLook) OrgBadge {
	slot, ok := slots[id]
	if !ok {
		slot = hashSlot(id)
	}
	bg := OrgPalette[slot].Background
	if s := PaletteSlot(look.Colour); s >= 0 {
		slot, bg = s, OrgPalette[s].Background
	} else if IsHexColour(look.Colour) {
		bg = look.Colour
	}
	b := OrgBadge{Mark: OrgPalette[slot].Mark, Label: look.Label, Name: t.HeaderValue}
	if !t.NoColor {
		b.Name = t.HeaderValue.Background(lipgloss.Color(bg)).Foreground(lipgloss.Color(TextOn(bg)))
	}
	return b
}

// IsHexColour reports a #RRGGBB colour.
func IsHexColour(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for _, c := range strings.ToLower(s[1:]) {
		if !strings.ContainsRune("0123456789abcdef", c) {
			return false
		}
	}
	return true
}

// TextOn is black or white, whichever reads better on the #RRGGBB background
// (the better of the two always keeps 4.5:1).
func TextOn(bg string) string {
	l := luminanceOf(bg)
	if (l+0.05)/0.05 >= 1.05/(l+0.05) {
		return "#000000"
	}
	return "#FFFFFF"
}

// luminanceOf is the WCAG relative luminance of a #RRGGBB colour.
func luminanceOf(hex string) float64 {
	var sum float64
	for i, weight := range []float64{0.2126, 0.7152, 0.0722} {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(v) / 255
		if c <= 0.03928 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		sum += weight * c
	}
	return sum
}
