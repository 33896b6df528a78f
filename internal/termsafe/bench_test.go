package termsafe

import (
	"strings"
	"testing"
)

// A 120×36 frame of styled text, as the TUI's root draws it: the cost of the frame net per redraw.
func BenchmarkStyledFrame(b *testing.B) {
	line := strings.Repeat("\x1b[38;2;154;154;154mname\x1b[0m \x1b[1;38;2;165;139;255morg_acme\x1b[0m  ", 6)
	frame := strings.TrimSuffix(strings.Repeat(line+"\n", 36), "\n")
	b.SetBytes(int64(len(frame)))
	for b.Loop() {
		_ = Styled(frame)
	}
}

// The same frame with one forgotten control in it: the slow path that copies.
func BenchmarkStyledFrameWithControl(b *testing.B) {
	line := strings.Repeat("\x1b[38;2;154;154;154mname\x1b[0m \x1b[1;38;2;165;139;255morg_acme\x1b[0m  ", 6)
	frame := strings.Repeat(line+"\n", 35) + "\x1b]0;title\x07"
	b.SetBytes(int64(len(frame)))
	for b.Loop() {
		_ = Styled(frame)
	}
}
