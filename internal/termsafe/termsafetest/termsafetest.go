// Package termsafetest checks output for what the hostile seed (emulator/seed/hostile.yaml) tries to slip
// through to a terminal: controls, escape sequences, bidi controls, invalid UTF-8, hidden-text SGR and lines
// forged by a line break inside a field.
package termsafetest

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/panel-dev/panel/internal/termsafe"
)

// HiddenSGR is the hostile seed's SGR (blink, conceal): never one of ours, so it is from data wherever it shows.
const HiddenSGR = "\x1b[5;8m"

// Forged starts the text that follows a line break in the hostile seed's fields.
const Forged = "FORGED"

// mangledSGR is one of our 24-bit colour sequences after a sanitizer took its ESC: data never holds these
// (the tests draw with 24-bit colour), so a styled string went through termsafe.Line or Text.
var mangledSGR = regexp.MustCompile(`\x{FFFD}\[[0-9;]*[34]8;2;`)

// Problems lists what in out a terminal would act on or what a field forged. styled lets SGR sequences
// through (a TUI frame on a colour terminal; CLI output and plain frames have none).
func Problems(out string, styled bool) []string {
	var found []string
	add := func(i int, what string) {
		if len(found) < 10 {
			found = append(found, fmt.Sprintf("%s at byte %d: %q", what, i, around(out, i)))
		}
	}
	if strings.Contains(out, HiddenSGR) {
		add(strings.Index(out, HiddenSGR), "the seed's SGR")
	}
	if loc := mangledSGR.FindStringIndex(out); loc != nil {
		add(loc[0], "our own colour sequence sanitized as if it were data (a styled string went through Line)")
	}
	for i := 0; i < len(out); {
		if styled {
			if n := sgrLen(out[i:]); n > 0 {
				i += n
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(out[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			add(i, "invalid UTF-8")
		case r == '\n':
		case r == '\t' && !styled: // the CLI's columns in a pipe (a tab in data becomes spaces)
		case termsafe.IsControl(r):
			add(i, fmt.Sprintf("control %U", r))
		}
		i += size
	}
	for n, line := range strings.Split(ansi.Strip(out), "\n") {
		if strings.HasPrefix(strings.TrimLeft(line, " │┃|>›●*"), Forged) {
			found = append(found, fmt.Sprintf("line %d was forged by a field: %q", n+1, line))
		}
	}
	return found
}

// Assert fails t when out holds any of Problems.
func Assert(t testing.TB, where, out string, styled bool) {
	t.Helper()
	if p := Problems(out, styled); len(p) > 0 {
		t.Errorf("%s let hostile text through:\n  %s\nwhole output:\n%s", where, strings.Join(p, "\n  "), out)
	}
}

func around(s string, i int) string {
	return s[max(i-24, 0):min(i+24, len(s))]
}

func sgrLen(s string) int {
	if len(s) < 3 || s[0] != 0x1b || s[1] != '[' {
		return 0
	}
	for i := 2; i < len(s); i++ {
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
