package tui

import (
	"io"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// Bubble Tea v1 writes a frame only on its renderer's tick, the first one
// 1/fps after the program starts (8 ms at 120 frames a second): more than
// everything else a cold start does. drawFirst draws that first frame at
// once, from Init, where the program has entered the alternate screen and
// the renderer has not written anything yet. It writes exactly the bytes
// the renderer writes for a first frame on the alternate screen, so the
// renderer's own first frame, a tick later, redraws the same cells.
type drawFirst struct {
	tea.Model
	out           io.Writer
	width, height int
}

// Init sizes the root, draws its first frame and starts it.
func (d *drawFirst) Init() tea.Cmd {
	d.Model, _ = d.Model.Update(tea.WindowSizeMsg{Width: d.width, Height: d.height})
	if view := d.View(); view != "" {
		_, _ = io.WriteString(d.out, firstFrame(view, d.width, d.height))
	}
	return d.Model.Init()
}

// Update hands the program the root itself: the wrapper is gone after the
// first message.
func (d *drawFirst) Update(msg tea.Msg) (tea.Model, tea.Cmd) { return d.Model.Update(msg) }

// firstFrame is what Bubble Tea's standard renderer writes for a view on a
// fresh alternate screen: home, then each line cut to the width and cleared
// to its end when shorter, the bottom lines when the view is taller than the
// screen, and the cursor left under the last line.
func firstFrame(view string, width, height int) string {
	lines := strings.Split(view, "\n")
	if height > 0 && len(lines) > height {
		lines = lines[len(lines)-height:]
	}
	var b strings.Builder
	b.WriteString(ansi.CursorHomePosition)
	b.WriteByte('\r')
	for i, line := range lines {
		if width > 0 {
			line = ansi.Truncate(line, width, "")
		}
		b.WriteString(line)
		if ansi.StringWidth(line) < width {
			b.WriteString(ansi.EraseLineRight)
		}
		if i < len(lines)-1 {
			b.WriteString("\r\n")
		}
	}
	b.WriteString(ansi.CursorPosition(0, len(lines)))
	return b.String()
}
