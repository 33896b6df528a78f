package termsafe

import (
	"strings"
	"testing"
)

func TestStyledWriterKeepsSGROnly(t *testing.T) {
	var b strings.Builder
	in := "\x1b[1;34m\"name\"\x1b[0m: x\x1b]0;title\x07\x1b[2J\ty\r\nz\x9b"
	if _, err := NewStyledWriter(&b).Write([]byte(in)); err != nil {
		t.Fatal(err)
	}
	want := "\x1b[1;34m\"name\"\x1b[0m: x\uFFFD]0;title\uFFFD\uFFFD[2J\ty\nz\uFFFD"
	if b.String() != want {
		t.Fatalf("got  %q\nwant %q", b.String(), want)
	}
}
