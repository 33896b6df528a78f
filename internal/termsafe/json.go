package termsafe

import (
	"fmt"
	"unicode/utf8"
)

// EscapeJSON rewrites encoded JSON so that it holds no control a terminal would act on, without changing the
// data it encodes. encoding/json already escapes C0 controls (ESC is "\u001b") and replaces bytes that are
// not UTF-8; it leaves DEL, C1 controls and bidi controls raw. Outside strings JSON is ASCII, so each of
// those runes can only be inside a string, where "\uXXXX" decodes to the same rune.
func EscapeJSON(b []byte) []byte {
	if streamClean(b) {
		return b
	}
	out := make([]byte, 0, len(b)+32)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == '\n' || r == '\t':
			out = append(out, byte(r)) // whitespace between tokens
		case r == utf8.RuneError && size == 1:
			out = append(out, `\ufffd`...)
		case IsControl(r):
			out = fmt.Appendf(out, `\u%04x`, r)
		default:
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}
