// Package theme owns panel's look: one palette of adaptive colours (light and
// dark terminals) and the styles built from it. Screens and components get a
// *Theme passed down; nothing else creates styles with colours. With NO_COLOR
// the palette is empty and emphasis falls back to bold, faint and reverse, so
// every state stays readable without colour.
package theme

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
)

// Palette is the set of colours every style is built from.
type Palette struct {
	Accent  lipgloss.TerminalColor // the product's colour: titles, selection
	Text    lipgloss.TerminalColor
	Muted   lipgloss.TerminalColor // secondary text, help descriptions
	Subtle  lipgloss.TerminalColor // borders, separators
	Success lipgloss.TerminalColor
	Warning lipgloss.TerminalColor
	Error   lipgloss.TerminalColor
	Bar     lipgloss.TerminalColor // header and status bar background
}

// DefaultPalette adapts to light and dark backgrounds. Every text colour keeps 4.5:1 contrast (WCAG AA)
// against a plain terminal of either kind, and so do the header's colours against the header bar.
func DefaultPalette() Palette {
	return Palette{
		Accent:  lipgloss.AdaptiveColor{Light: "#5A3FD9", Dark: "#A58BFF"},
		Text:    lipgloss.AdaptiveColor{Light: "#1A1A1A", Dark: "#E8E8E8"},
		Muted:   lipgloss.AdaptiveColor{Light: "#686868", Dark: "#9A9A9A"},
		Subtle:  lipgloss.AdaptiveColor{Light: "#C8C8C8", Dark: "#4A4A4A"},
		Success: lipgloss.AdaptiveColor{Light: "#1E7F3C", Dark: "#5FD787"},
		Warning: lipgloss.AdaptiveColor{Light: "#8A5C00", Dark: "#F5C542"},
		Error:   lipgloss.AdaptiveColor{Light: "#C62828", Dark: "#FF6B6B"},
		Bar:     lipgloss.AdaptiveColor{Light: "#ECE8FF", Dark: "#2A2440"},
	}
}

// NoColorPalette has no colours at all (NO_COLOR).
func NoColorPalette() Palette {
	none := lipgloss.NoColor{}
	return Palette{none, none, none, none, none, none, none, none}
}

// Theme holds every style the TUI uses.
type Theme struct {
	NoColor bool
	Palette Palette

	// Chrome drawn by the root.
	Header       lipgloss.Style // the bar across the top
	HeaderLabel  lipgloss.Style // "org", "project" labels in the header
	HeaderValue  lipgloss.Style
	HeaderMarker lipgloss.Style // the org is not ACTIVE
	StatusInfo   lipgloss.Style
	StatusWarn   lipgloss.Style
	StatusError  lipgloss.Style
	Help         help.Styles

	// Content.
	Title     lipgloss.Style // a screen's title line
	Text      lipgloss.Style
	Muted     lipgloss.Style
	Accent    lipgloss.Style
	Success   lipgloss.Style
	Warning   lipgloss.Style
	Error     lipgloss.Style
	Key       lipgloss.Style // a key name in prose ("press enter")
	Selected  lipgloss.Style // the list row under the cursor
	Current   lipgloss.Style // the current organization / project marker
	Box       lipgloss.Style // a framed panel (modals, the sign-in box)
	Input     lipgloss.Style // a text input's frame
	FieldHint lipgloss.Style // an error shown under the input it belongs to
}

// New builds the theme; noColor honours NO_COLOR.
func New(noColor bool) *Theme {
	p := DefaultPalette()
	if noColor {
		p = NoColorPalette()
	}
	return build(p, noColor)
}

func build(p Palette, noColor bool) *Theme {
	s := lipgloss.NewStyle
	t := &Theme{NoColor: noColor, Palette: p}
	t.Header = s().Background(p.Bar).Foreground(p.Text).Padding(0, 1)
	t.HeaderLabel = s().Foreground(p.Muted).Background(p.Bar)
	t.HeaderValue = s().Foreground(p.Text).Background(p.Bar).Bold(true)
	t.HeaderMarker = s().Foreground(p.Warning).Background(p.Bar).Bold(true)
	t.StatusInfo = s().Foreground(p.Muted)
	t.StatusWarn = s().Foreground(p.Warning)
	t.StatusError = s().Foreground(p.Error).Bold(true)

	t.Title = s().Foreground(p.Accent).Bold(true)
	t.Text = s().Foreground(p.Text)
	t.Muted = s().Foreground(p.Muted)
	t.Accent = s().Foreground(p.Accent)
	t.Success = s().Foreground(p.Success)
	t.Warning = s().Foreground(p.Warning)
	t.Error = s().Foreground(p.Error)
	t.Key = s().Foreground(p.Accent).Bold(true)
	t.Selected = s().Foreground(p.Accent).Bold(true)
	if noColor {
		t.Selected = s().Reverse(true)
	}
	t.Current = s().Foreground(p.Success).Bold(true)
	t.Box = s().Border(lipgloss.RoundedBorder()).BorderForeground(p.Subtle).Padding(0, 1)
	t.Input = s().Border(lipgloss.NormalBorder()).BorderForeground(p.Accent).Padding(0, 1)
	t.FieldHint = s().Foreground(p.Error)

	t.Help = help.Styles{
		Ellipsis:       s().Foreground(p.Subtle),
		ShortKey:       s().Foreground(p.Accent),
		ShortDesc:      s().Foreground(p.Muted),
		ShortSeparator: s().Foreground(p.Subtle),
		FullKey:        s().Foreground(p.Accent),
		FullDesc:       s().Foreground(p.Muted),
		FullSeparator:  s().Foreground(p.Subtle),
	}
	return t
}
