package theme

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// renderIn renders with the default renderer set to a true-colour terminal with the given background, the worst
// case for NO_COLOR (every colour would show) and the case where adaptive colours pick a side.
func renderIn(t *testing.T, dark bool) {
	t.Helper()
	profile, wasDark := lipgloss.ColorProfile(), lipgloss.HasDarkBackground()
	t.Cleanup(func() { lipgloss.SetColorProfile(profile); lipgloss.SetHasDarkBackground(wasDark) })
	lipgloss.SetColorProfile(termenv.TrueColor)
	lipgloss.SetHasDarkBackground(dark)
}

// styles lists every style of the theme by name, including the help styles, so that a style added later is
// covered without editing this test.
func styles(th *Theme) map[string]lipgloss.Style {
	out := map[string]lipgloss.Style{}
	collect := func(prefix string, v reflect.Value) {
		for i := range v.NumField() {
			if s, ok := v.Field(i).Interface().(lipgloss.Style); ok {
				out[prefix+v.Type().Field(i).Name] = s
			}
		}
	}
	collect("", reflect.ValueOf(*th))
	collect("Help.", reflect.ValueOf(th.Help))
	return out
}

// sgrColour matches an SGR sequence that sets a foreground or background colour (30–37, 38;…, 39–47, 48;…,
// 90–97, 100–107).
var sgrColour = regexp.MustCompile(`\x1b\[([0-9;]*)m`)

func colourParams(s string) []string {
	var found []string
	for _, m := range sgrColour.FindAllStringSubmatch(s, -1) {
		params := strings.Split(m[1], ";")
		for i := 0; i < len(params); i++ {
			n, err := strconv.Atoi(params[i])
			if err != nil {
				continue
			}
			switch {
			case n == 38 || n == 48:
				found = append(found, m[1])
				i = len(params)
			case (n >= 30 && n <= 47) || (n >= 90 && n <= 107):
				found = append(found, m[1])
			}
		}
	}
	return found
}

func TestNoColorRendersNoColourEvenOnATrueColourTerminal(t *testing.T) {
	renderIn(t, true)
	th := New(true)
	if !th.NoColor {
		t.Fatal("New(true).NoColor is false")
	}
	for name, s := range styles(th) {
		if got := colourParams(s.Render("x")); len(got) > 0 {
			t.Errorf("%s sets colours %v under NO_COLOR", name, got)
		}
	}
	// The check above would pass for a renderer that drops all styling: with colour, the same styles do colour.
	if got := colourParams(New(false).Title.Render("x")); len(got) == 0 {
		t.Fatal("the coloured theme's title has no colour: the check above proves nothing")
	}
}

func TestNoColorKeepsStatesApart(t *testing.T) {
	renderIn(t, true)
	th := New(true)
	plain := th.Text.Render("row")
	for name, s := range map[string]lipgloss.Style{
		"Selected": th.Selected, "Current": th.Current, "Title": th.Title, "StatusError": th.StatusError, "Key": th.Key,
	} {
		if s.Render("row") == plain {
			t.Errorf("%s looks like plain text without colour: the state is invisible under NO_COLOR", name)
		}
	}
	if th.Selected.Render("row") == th.Current.Render("row") {
		t.Error("the cursor row and the current marker look the same under NO_COLOR")
	}
}

func TestEveryColourAdaptsToBothBackgrounds(t *testing.T) {
	v := reflect.ValueOf(DefaultPalette())
	for i := range v.NumField() {
		name := v.Type().Field(i).Name
		c, ok := v.Field(i).Interface().(lipgloss.AdaptiveColor)
		if !ok {
			t.Errorf("%s is %T, not an adaptive colour", name, v.Field(i).Interface())
			continue
		}
		if _, err := hexLuminance(c.Light); err != nil {
			t.Errorf("%s light: %v", name, err)
		}
		if _, err := hexLuminance(c.Dark); err != nil {
			t.Errorf("%s dark: %v", name, err)
		}
		if c.Light == c.Dark {
			t.Errorf("%s is the same colour on both backgrounds (%s)", name, c.Light)
		}
	}
}

func TestTheTerminalBackgroundPicksTheColour(t *testing.T) {
	text := DefaultPalette().Text.(lipgloss.AdaptiveColor)
	for _, c := range []struct {
		dark bool
		want string
	}{{false, text.Light}, {true, text.Dark}} {
		renderIn(t, c.dark)
		got := New(false).Text.Render("x")
		if want := trueColourSGR(t, c.want); !strings.Contains(got, want) {
			t.Errorf("dark=%v: %q does not set %s (%q)", c.dark, got, c.want, want)
		}
	}
}

// TestTextIsReadableOnBothBackgrounds holds every text colour to WCAG AA (4.5:1) against a plain light terminal
// (white) and a plain dark one (black), and the header's text against the header bar.
func TestTextIsReadableOnBothBackgrounds(t *testing.T) {
	p := DefaultPalette()
	bar := p.Bar.(lipgloss.AdaptiveColor)
	onTerminal := map[string]lipgloss.TerminalColor{
		"Accent": p.Accent, "Text": p.Text, "Muted": p.Muted, "Success": p.Success, "Warning": p.Warning, "Error": p.Error,
	}
	// The header draws Text (values), Muted (labels) and Warning (the not-ACTIVE marker) on the bar.
	onBar := map[string]lipgloss.TerminalColor{"Text": p.Text, "Muted": p.Muted, "Warning": p.Warning}
	check := func(where, name string, fg lipgloss.TerminalColor, lightBg, darkBg string) {
		c := fg.(lipgloss.AdaptiveColor)
		for _, side := range []struct{ fg, bg, label string }{{c.Light, lightBg, "light"}, {c.Dark, darkBg, "dark"}} {
			if r := contrast(t, side.fg, side.bg); r < 4.5 {
				t.Errorf("%s on %s, %s side: %s on %s is %.2f:1, below 4.5:1", name, where, side.label, side.fg, side.bg, r)
			}
		}
	}
	for name, fg := range onTerminal {
		check("the terminal", name, fg, "#FFFFFF", "#000000")
	}
	for name, fg := range onBar {
		check("the header bar", name, fg, bar.Light, bar.Dark)
	}
}

func trueColourSGR(t *testing.T, hex string) string {
	t.Helper()
	var r, g, b int
	if _, err := fmt.Sscanf(hex, "#%02x%02x%02x", &r, &g, &b); err != nil {
		t.Fatalf("%s: %v", hex, err)
	}
	return fmt.Sprintf("38;2;%d;%d;%d", r, g, b)
}

// hexLuminance is the WCAG relative luminance of a #RRGGBB colour.
func hexLuminance(hex string) (float64, error) {
	var rgb [3]int
	if len(hex) != 7 {
		return 0, fmt.Errorf("%q is not #RRGGBB", hex)
	}
	if _, err := fmt.Sscanf(hex, "#%02x%02x%02x", &rgb[0], &rgb[1], &rgb[2]); err != nil {
		return 0, fmt.Errorf("%q is not #RRGGBB: %w", hex, err)
	}
	var lin [3]float64
	for i, v := range rgb {
		c := float64(v) / 255
		if c <= 0.03928 {
			lin[i] = c / 12.92
		} else {
			lin[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*lin[0] + 0.7152*lin[1] + 0.0722*lin[2], nil
}

func contrast(t *testing.T, a, b string) float64 {
	t.Helper()
	la, err := hexLuminance(a)
	if err != nil {
		t.Fatal(err)
	}
	lb, err := hexLuminance(b)
	if err != nil {
		t.Fatal(err)
	}
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}
