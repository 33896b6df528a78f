package qrcode_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"rsc.io/qr"

	"github.com/panel-dev/panel/internal/qrcode"
)

// modules reads a drawing back into light (true) and dark modules, two rows
// per line of half blocks.
func modules(t *testing.T, drawing string) [][]bool {
	t.Helper()
	var rows [][]bool
	for _, line := range strings.Split(strings.TrimSuffix(drawing, "\n"), "\n") {
		top, bottom := make([]bool, 0, utf8.RuneCountInString(line)), make([]bool, 0, utf8.RuneCountInString(line))
		for _, r := range line {
			switch r {
			case '█':
				top, bottom = append(top, true), append(bottom, true)
			case '▀':
				top, bottom = append(top, true), append(bottom, false)
			case '▄':
				top, bottom = append(top, false), append(bottom, true)
			case ' ':
				top, bottom = append(top, false), append(bottom, false)
			default:
				t.Fatalf("unexpected %q in the drawing", r)
			}
		}
		rows = append(rows, top, bottom)
	}
	return rows
}

// The drawing is the encoder's code module for module, light where the code
// is light, inside a light quiet zone of four modules on every side (the
// last half line may be the terminal's own background).
func TestRenderDrawsEveryModuleInsideAQuietZone(t *testing.T) {
	const text = "https://auth.example.com/device?user_code=ABCD-EFGH"
	code, err := qr.Encode(text, qr.L)
	if err != nil {
		t.Fatal(err)
	}
	rows := modules(t, qrcode.Render(text))
	const quiet = 4
	width := code.Size + 2*quiet
	if len(rows) < width {
		t.Fatalf("%d rows of modules, want at least %d", len(rows), width)
	}
	for y := 0; y < width; y++ {
		if len(rows[y]) != width {
			t.Fatalf("row %d has %d modules, want %d", y, len(rows[y]), width)
		}
		for x := 0; x < width; x++ {
			inCode := x >= quiet && y >= quiet && x < quiet+code.Size && y < quiet+code.Size
			wantLight := !inCode || !code.Black(x-quiet, y-quiet)
			if rows[y][x] != wantLight {
				t.Fatalf("module (%d,%d) light=%v, want %v", x, y, rows[y][x], wantLight)
			}
		}
	}
}

func TestRenderIsEmptyWhenTheTextDoesNotFit(t *testing.T) {
	if got := qrcode.Render(strings.Repeat("x", 5000)); got != "" {
		t.Fatalf("a 5000-byte text drew %d bytes", len(got))
	}
}
