package termsafe

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

const p = string(Placeholder)

func TestLineReplacesEveryClassOfControl(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"CSI clear", "a\x1b[2Jb", "a" + p + "[2Jb"},
		{"OSC 0 title with BEL", "\x1b]0;pwned\x07", p + "]0;pwned" + p},
		{"OSC 2 title with ST", "\x1b]2;pwned\x1b\\", p + "]2;pwned" + p + "\\"},
		{"OSC 52 clipboard", "\x1b]52;c;cHduZWQ=\x07", p + "]52;c;cHduZWQ=" + p},
		{"OSC 8 link", "\x1b]8;;https://evil.example\x07x\x1b]8;;\x07", p + "]8;;https://evil.example" + p + "x" + p + "]8;;" + p},
		{"bare ESC", "\x1bc", p + "c"},
		{"C0", "a\rb\bc\x00d\x7fe", "a" + p + "b" + p + "c" + p + "d" + p + "e"},
		{"line break", "one\ntwo", "one" + p + "two"},
		{"CRLF is one break", "one\r\ntwo", "one" + p + "two"},
		{"8-bit CSI and OSC", "\u009b2J\u009d0;t\u009c", p + "2J" + p + "0;t" + p},
		{"bidi override and isolate", "abc\u202Edef\u2066g\u2069", "abc" + p + "def" + p + "g" + p},
		{"bidi marks", "a\u200Eb\u200Fc\u061Cd", "a" + p + "b" + p + "c" + p + "d"},
		{"invalid UTF-8", "a\xffb\xc3", "a" + p + "b" + p},
		{"tab to the next stop", "ab\tc\t\td", "ab      c               d"},
		{"tab after a wide rune", "日本\tx", "日本    x"},
		{"printable kept", "Zoë 日本 🎉 ok", "Zoë 日本 🎉 ok"},
	}
	for _, c := range cases {
		if got := Line(c.in); got != c.want {
			t.Errorf("%s: Line(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

func TestTextKeepsLineBreaksOnly(t *testing.T) {
	if got, want := Text("a\nb\r\nc\rd\x1b[1A"), "a\nb\nc"+p+"d"+p+"[1A"; got != want {
		t.Fatalf("Text = %q, want %q", got, want)
	}
}

func TestTruncateAndCellMeasureWideRunes(t *testing.T) {
	cases := []struct {
		in    string
		width int
		trunc string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"longer than ten", 10, "longer th…"},
		{"日本語のテキスト", 7, "日本語…"}, // 2 columns each: three fit with the ellipsis
		{"\x1b]0;title\x07name", 8, p + "]0;tit…"},
		{"anything", 0, ""},
	}
	for _, c := range cases {
		got := Truncate(c.in, c.width)
		if got != c.trunc {
			t.Errorf("Truncate(%q, %d) = %q, want %q", c.in, c.width, got, c.trunc)
		}
		if w := Width(got); w > c.width {
			t.Errorf("Truncate(%q, %d) is %d columns", c.in, c.width, w)
		}
		if cell := Cell(c.in, c.width); Width(cell) != c.width {
			t.Errorf("Cell(%q, %d) = %q is %d columns", c.in, c.width, cell, Width(cell))
		}
	}
}

func TestPadNeverCuts(t *testing.T) {
	if got := Pad("日本\x1b[2J", 10); got != "日本"+p+"[2J  " || Width(got) != 10 {
		t.Fatalf("Pad = %q (%d columns)", got, Width(got))
	}
	long := strings.Repeat("x", 30)
	if got := Pad(long, 10); got != long {
		t.Fatalf("Pad cut %q", got)
	}
}

func TestStyledKeepsOurSGROnly(t *testing.T) {
	ours := "\x1b[1;38;2;165;139;255mname\x1b[0m \x1b[m\x1b[7mx\x1b[27m"
	if got := Styled(ours + "\n" + ours); got != ours+"\n"+ours {
		t.Fatalf("Styled changed our styling: %q", got)
	}
	in := "\x1b[1mok\x1b[0m\x1b[2J\x1b]52;c;eA==\x07\x1b[?1049h\x9b\u202e\t|"
	want := "\x1b[1mok\x1b[0m" + p + "[2J" + p + "]52;c;eA==" + p + p + "[?1049h" + p + p + "    |"
	if got := Styled(in); got != want {
		t.Fatalf("Styled(%q) = %q, want %q", in, got, want)
	}
}

func TestWriterKeepsLayoutAndReplacesTheRest(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	in := "NAME\tID\nevil\x1b]0;t\x07\u202e\r\n\xff\x7f\u009b\n"
	n, err := w.Write([]byte(in))
	if err != nil || n != len(in) {
		t.Fatalf("Write = %d, %v", n, err)
	}
	if want := "NAME\tID\nevil" + p + "]0;t" + p + p + "\n" + p + p + p + "\n"; b.String() != want {
		t.Fatalf("wrote %q, want %q", b.String(), want)
	}
}

func TestEscapeJSONKeepsTheDataExact(t *testing.T) {
	data := map[string]string{"name": "a\x1b]52;c;eA==\x07\x7f\u0085\u009b\u202e\u2066\u200e b\t\n\"<>&日本"}
	raw, err := json.MarshalIndent(data, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	safe := EscapeJSON(raw)
	for _, r := range string(safe) {
		if IsControl(r) && r != '\n' {
			t.Fatalf("EscapeJSON left %U in %s", r, safe)
		}
	}
	var back map[string]string
	if err := json.Unmarshal(safe, &back); err != nil {
		t.Fatalf("EscapeJSON broke the JSON: %v\n%s", err, safe)
	}
	if back["name"] != data["name"] {
		t.Fatalf("round trip = %q, want %q", back["name"], data["name"])
	}
	if !strings.Contains(string(safe), `\u202e`) || !strings.Contains(string(safe), `\u007f`) {
		t.Fatalf("expected \\u escapes: %s", safe)
	}
}
