// Package termsafe is the one sanitizer between text from outside (servers, seeds, redirects, log streams)
// and a terminal (B24). Every C0 control (ESC, BEL, CR, BS…), DEL, every C1 control (U+0080–U+009F, the 8-bit
// CSI and OSC among them), every bidi control (the Unicode Bidi_Control set: overrides U+202A–U+202E, isolates
// U+2066–U+2069, and the marks U+200E, U+200F, U+061C) and every byte that is not UTF-8 becomes Placeholder;
// a tab becomes spaces up to the next tab stop. Without ESC or a C1 control no escape sequence can start, so
// nothing from data can move the cursor, clear the screen, set the title, write the clipboard (OSC 52) or make
// a link (OSC 8); without bidi controls it cannot reorder what is shown either.
//
// The helpers are sized to where text goes: Line for one line (names, cells, log lines, the status line),
// Text for a paragraph that may keep its line breaks (error messages), Truncate and Cell for bounded columns,
// Styled for a whole frame that holds our own SGR styling, NewWriter for a whole output stream, and
// EscapeJSON for JSON that must keep the data exact.
package termsafe

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// Placeholder is what a control or an undecodable byte becomes. U+FFFD is what terminals and Go already show
// for bytes that are not text, it is one column wide, it is in every font, and it cannot be mistaken for
// something a person typed (a caret form such as "^[" can: it is two ordinary characters). The exact data
// stays available with --json (and `logs tail --raw`).
const Placeholder = '\uFFFD'

// TabWidth is the distance between tab stops, as in a terminal.
const TabWidth = 8

// IsControl reports whether a terminal could act on r instead of showing it: a C0 control, DEL, a C1 control
// or a bidi control.
func IsControl(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f) || unicode.Is(unicode.Bidi_Control, r)
}

// Line makes s safe to show on one line: line breaks become Placeholder like every other control.
func Line(s string) string { return clean(s, false) }

// Text makes s safe to show as a paragraph: it keeps line breaks ("\r\n" becomes "\n"), and nothing else.
func Text(s string) string { return clean(s, true) }

// Safe reports whether s holds nothing Line would change (tests and fast paths).
func Safe(s string) bool { return isClean(s, false) }

func isClean(s string, keepNewlines bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && !(keepNewlines && c == '\n')) || c == 0x7f {
				return false
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || IsControl(r) {
			return false
		}
		i += size - 1
	}
	return true
}

func clean(s string, keepNewlines bool) string {
	if isClean(s, keepNewlines) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	col := 0
	for i := 0; i < len(s); {
		i = writeClean(&b, s, i, &col, keepNewlines)
	}
	return b.String()
}

// writeClean writes the rune of s at i to b as clean and Styled show it (tabs expanded to the next stop from
// *col, controls replaced, line breaks kept when keepNewlines) and returns the index after it.
func writeClean(b *strings.Builder, s string, i int, col *int, keepNewlines bool) int {
	r, size := utf8.DecodeRuneInString(s[i:])
	i += size
	switch {
	case r == '\r' && i < len(s) && s[i] == '\n':
		// CRLF is a line break, written at the '\n'
	case r == '\n' && keepNewlines:
		b.WriteByte('\n')
		*col = 0
	case r == '\t':
		n := TabWidth - *col%TabWidth
		b.WriteString(strings.Repeat(" ", n))
		*col += n
	case (r == utf8.RuneError && size == 1) || IsControl(r):
		b.WriteRune(Placeholder)
		*col++
	default:
		b.WriteRune(r)
		*col += runewidth.RuneWidth(r)
	}
	return i
}
