package theme

// Without colour (NO_COLOR turns off bold, faint and reverse too: the
// terminal gets plain text), what colour would say is said with characters:
// a mark before the row under the cursor, brackets around the active tab,
// parentheses around a placeholder so that it never looks typed.

// CursorGutter is the width the cursor mark takes before every list row (0 with colour: the row is highlighted).
func (t *Theme) CursorGutter() int {
	if t.NoColor {
		return 2
	}
	return 0
}

// CursorMark is what goes before a list row: "› " on the row under the cursor without colour.
func (t *Theme) CursorMark(selected bool) string {
	switch {
	case !t.NoColor:
		return ""
	case selected:
		return "› "
	}
	return "  "
}

// Tab draws one tab label: the active one highlighted, or in brackets without colour.
func (t *Theme) Tab(label string, active bool) string {
	switch {
	case t.NoColor && active:
		return "[" + label + "]"
	case t.NoColor:
		return " " + label + " "
	case active:
		return t.Selected.Render(" " + label + " ")
	}
	return t.Muted.Render(" " + label + " ")
}

// Placeholder is a text input's example text: dimmed, or in parentheses without colour.
func (t *Theme) Placeholder(text string) string {
	if t.NoColor && text != "" {
		return "(" + text + ")"
	}
	return text
}
