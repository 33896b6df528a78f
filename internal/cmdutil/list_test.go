package cmdutil

import (
	"bytes"
	"testing"
)

type fruit struct{ name, colour string }

var fruitTable = ListTable[fruit]{
	Mark:   "current",
	Marked: func(f fruit) bool { return f.name == "pear" },
	Columns: []Column[fruit]{
		{Header: "NAME", Cell: func(_ *Table, f fruit) string { return f.name }},
		{Header: "COLOUR", Cell: func(_ *Table, f fruit) string { return Dash(f.colour) }, Whole: true},
	},
}

// Piped, a list is tab-separated rows with no header, and every row has a mark column
// at the end, holding the mark on the marked row.
func TestListTablePiped(t *testing.T) {
	var out bytes.Buffer
	ios := &IOStreams{Out: &out}
	if err := fruitTable.Print(ios, []fruit{{"apple", "red"}, {"pear", ""}}); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "apple\tred\t\npear\t-\tcurrent\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// On a terminal the header comes first and the marked row is starred.
func TestListTableTerminal(t *testing.T) {
	var out bytes.Buffer
	ios := &IOStreams{Out: &out, StdoutTTY: true, Width: 80}
	if err := fruitTable.Print(ios, []fruit{{"apple", "red"}, {"pear", "green"}}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{"NAME", "COLOUR", "apple", "*  pear", "green"} {
		if !bytes.Contains([]byte(got), []byte(want)) {
			t.Errorf("%q lacks %q", got, want)
		}
	}
}
