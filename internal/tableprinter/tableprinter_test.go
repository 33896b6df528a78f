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
