package tableprinter

import (
	"strings"
	"testing"

	"github.com/panel-dev/panel/internal/termsafe"
)

func TestRenderAlignsSanitizesAndBounds(t *testing.T) {
	var b strings.Builder
	tb := New(&b, "", "NAME", "ID")
	tb.AddRow("*", "acme\x1b]0;title\x07", "org_acme")
	tb.AddRow("", "日本語", "org_jp")
	tb.AddRow("", "tab\there\nFORGED", "org_x")
	tb.AddRow("", strings.Repeat("n", 60), "org_long")
	if err := tb.Render(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	wantNames := []string{"NAME", "acme\uFFFD]0;title\uFFFD", "日本語", "tab     here\uFFFDFORGED", strings.Repeat("n", 47) + "…"}
	wantIDs := []string{"ID", "org_acme", "org_jp", "org_x", "org_long"}
	if len(lines) != len(wantNames) {
		t.Fatalf("%d lines:\n%s", len(lines), b.String())
	}
	for i, l := range lines {
		// The marker column is 1 wide, the name column 48 (the bound): ids start at column 3+48+2.
		idAt := strings.Index(l, wantIDs[i])
		if idAt < 0 || termsafe.Width(l[:idAt]) != 53 {
			t.Errorf("line %d: id not at column 53: %q", i, l)
			continue
		}
		if name := strings.TrimSpace(l[3:idAt]); name != wantNames[i] {
			t.Errorf("line %d: name %q, want %q", i, name, wantNames[i])
		}
	}
}

func render(t *testing.T, o Options, build func(*Table)) string {
	t.Helper()
	var b strings.Builder
	tb := NewFor(&b, o, "NAME", "EXTERNAL ID", "STATUS")
	build(tb)
	if err := tb.Render(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func orgRows(tb *Table) {
	tb.AddMarkedRow(false, "acme", "org_acme", "ACTIVE")
	tb.AddMarkedRow(true, "globex\tinc", "org_globex", "LOCKED")
	tb.AddMarkedRow(false, strings.Repeat("x", 300), "org_long", "ACTIVE")
}

func TestPipedIsTabSeparatedWithoutHeaderPaddingOrCut(t *testing.T) {
	got := render(t, Options{Mark: "current", Width: 40, Color: true}, orgRows)
	want := "acme\torg_acme\tACTIVE\t\n" +
		"globex  inc\torg_globex\tLOCKED\tcurrent\n" +
		strings.Repeat("x", 300) + "\torg_long\tACTIVE\t\n"
	if got != want {
		t.Fatalf("piped:\n%q\nwant\n%q", got, want)
	}
}

func TestTerminalHasHeaderMarkFirstAndFitsTheWidth(t *testing.T) {
	got := render(t, Options{TTY: true, Mark: "current", Width: 40}, func(tb *Table) {
		tb.KeepWhole(1)
		orgRows(tb)
	})
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines:\n%s", len(lines), got)
	}
	if !strings.HasPrefix(lines[0], "   NAME") || !strings.HasPrefix(lines[2], "*  globex") {
		t.Errorf("header or mark misplaced:\n%s", got)
	}
	for _, l := range lines {
		if w := termsafe.Width(l); w > 40 {
			t.Errorf("line wider than 40 (%d): %q", w, l)
		}
		if strings.HasSuffix(l, " ") {
			t.Errorf("trailing space: %q", l)
		}
	}
	if !strings.Contains(lines[3], "org_long") || !strings.Contains(lines[3], "…") {
		t.Errorf("the kept id should stay whole and the long name end in an ellipsis: %q", lines[3])
	}
}

func TestTerminalColourOnlyWhenAllowed(t *testing.T) {
	plain := render(t, Options{TTY: true, Mark: "current"}, orgRows)
	if strings.Contains(plain, "\x1b") {
		t.Errorf("colour without Color: %q", plain)
	}
	coloured := render(t, Options{TTY: true, Mark: "current", Color: true}, func(tb *Table) {
		tb.SetColor(2, func(s string) string { return "\x1b[31m" + s + "\x1b[0m" })
		orgRows(tb)
	})
	for _, want := range []string{sgrHeader + "NAME" + sgrReset, sgrMarked + "globex  inc" + sgrReset, "\x1b[31mACTIVE\x1b[0m"} {
		if !strings.Contains(coloured, want) {
			t.Errorf("missing %q in %q", want, coloured)
		}
	}
	if termsafe.Styled(coloured) != coloured {
		t.Errorf("the coloured table holds more than SGR styling: %q", coloured)
	}
}

func TestFitCutsTheWidestColumnsFirstAndNeverTheKeptOnes(t *testing.T) {
	tb := NewFor(nil, Options{TTY: true, Width: 40})
	tb.KeepWhole(0)
	got := tb.fit([]int{10, 40, 20, 3})
	// 40 - 3 gaps of 2 = 34; kept 10: 24 left for 40, 20 and 3: a cap of 10 (10+10+3 = 23), the one left over
	// to the first cut column.
	want := []int{10, 11, 10, 3}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("fit = %v, want %v", got, want)
		}
	}
	if got := tb.fit([]int{10, 5, 3}); got[1] != 5 {
		t.Fatalf("a table that fits is cut: %v", got)
	}
}
