package termsafe

import (
	"strings"
	"unicode/utf8"
)

// Styled makes a whole frame safe while keeping our own styling: SGR sequences (ESC [ digits ; : m, which
// only set colours and attributes) and line breaks stay; every other escape sequence loses its ESC to
// Placeholder, and every other control is replaced as by Text. It is the net under a view (the TUI's root
// frame, a list row): fields are sanitized where they are formatted, and this catches any that was not,
// so that no cursor move, screen clear, title, clipboard write or link gets through. It cannot tell an SGR
// that came from data from ours; the fields' own sanitizing does.
func Styled(s string) string {
	if isStyledClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	col := 0
	for i := 0; i < len(s); {
		if n := sgrLen(s[i:]); n > 0 {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		i = writeClean(&b, s, i, &col, true)
	}
	return b.String()
}

// isStyledClean reports whether Styled would return s as is.
func isStyledClean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0x1b {
			n := sgrLen(s[i:])
			if n == 0 {
				return false
			}
			i += n
			continue
		}
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || IsControl(r) {
			return false
		}
		i += size
	}
	return true
}

// sgrLen is the length of the SGR sequence s starts with, 0 when it does not start with one.
func sgrLen(s string) int {
	if len(s) < 3 || s[0] != 0x1b || s[1] != '[' {
		return 0
	}
	for i := 2; i < len(s) && i < 64; i++ {
		switch c := s[i]; {
		case c == 'm':
			return i + 1
		case (c >= '0' && c <= '9') || c == ';' || c == ':':
		default:
			return 0
		}
	}
	return 0
}
