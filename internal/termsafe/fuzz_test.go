package termsafe

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"", "plain", "\x1b[2J", "\x1b]0;t\x07", "\x1b]52;c;eA==\x1b\\", "\x1b]8;;http://x\x07y\x1b]8;;\x07",
	"\u009b31m", "\u009d0;t\u009c", "\u202e\u2066\u2069", "\xff\xfe\xc3", "a\tb\r\nc\bd\x7f", "日本\t🎉",
	"\x1b[1mbold\x1b[0m", "\x1b[5;8m",
}

// FuzzLine: Line's output never holds a control or an invalid byte, never a line break, and text without
// controls comes back unchanged.
func FuzzLine(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Line(s)
		checkNoControl(t, out, false)
		if isPrintable(s) && out != s {
			t.Fatalf("Line changed printable text %q into %q", s, out)
		}
		text := Text(s)
		checkNoControl(t, text, true)
		if isPrintableText(s) && text != s {
			t.Fatalf("Text changed printable text %q into %q", s, text)
		}
		if w := Width(Truncate(s, 12)); w > 12 {
			t.Fatalf("Truncate(%q, 12) is %d columns", s, w)
		}
	})
}

// FuzzStyled: whatever the frame, only SGR sequences survive (every ESC left starts one), and no other
// control does.
func FuzzStyled(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Styled(s)
		for i := 0; i < len(out); {
			if n := sgrLen(out[i:]); n > 0 {
				i += n
				continue
			}
			r, size := utf8.DecodeRuneInString(out[i:])
			if (r == utf8.RuneError && size == 1) || (IsControl(r) && r != '\n') {
				t.Fatalf("Styled(%q) = %q holds %U at %d", s, out, r, i)
			}
			i += size
		}
		if isPrintableText(s) && out != s {
			t.Fatalf("Styled changed printable text %q into %q", s, out)
		}
	})
}

// FuzzWriter: the stream guard lets only line breaks and tabs through among the controls.
func FuzzWriter(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, p []byte) {
		var b bytes.Buffer
		if _, err := NewWriter(&b).Write(p); err != nil {
			t.Fatal(err)
		}
		for _, r := range b.String() {
			if IsControl(r) && r != '\n' && r != '\t' {
				t.Fatalf("NewWriter passed %U from %q", r, p)
			}
		}
		if !utf8.Valid(b.Bytes()) {
			t.Fatalf("NewWriter passed invalid UTF-8 from %q", p)
		}
	})
}

func checkNoControl(t *testing.T, out string, newlines bool) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("invalid UTF-8 in %q", out)
	}
	for _, r := range out {
		if IsControl(r) && !(newlines && r == '\n') {
			t.Fatalf("%U left in %q", r, out)
		}
	}
}

// isPrintable: valid UTF-8 without any control.
func isPrintable(s string) bool { return printable(s, false) }

// isPrintableText: valid UTF-8 without any control but line breaks.
func isPrintableText(s string) bool { return printable(s, true) }

func printable(s string, newlines bool) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if IsControl(r) && !(newlines && r == '\n') {
			return false
		}
	}
	return true
}
