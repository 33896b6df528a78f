package tui

import (
	"bytes"
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"

	"github.com/panel-dev/panel/internal/ptypair"
)

// The first frame is byte for byte what Bubble Tea's renderer writes for
// the same view on a fresh alternate screen, whatever the view: the screen
// does not change when the renderer takes over a tick later.
func TestFirstFrameIsWhatTheRendererWrites(t *testing.T) {
	styled := lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("9")).Render("styled")
	views := map[string]string{
		"short lines":          "a\nbb\n\nccc",
		"lines wider than the": strings.Repeat("wide ", 30) + "\n" + strings.Repeat("界", 50),
		"taller than the":      strings.Repeat("line\n", 40) + "last",
		"styled":               styled + " and " + styled + "\n" + strings.Repeat("x", 39),
		"exactly the width":    strings.Repeat("y", 40) + "\n" + strings.Repeat("z", 40),
	}
	for name, view := range views {
		t.Run(name, func(t *testing.T) {
			master, slave := openTestPTY(t, 12, 40)
			var out lockedBuffer
			go func() { _, _ = out.ReadFrom(master) }()
			ctx, cancel := context.WithCancel(context.Background())
			m := &drawFirst{Model: staticView(view), out: slave, width: 40, height: 12}
			p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithContext(ctx), tea.WithOutput(slave), tea.WithInput(nil))
			ran := make(chan struct{})
			go func() { _, _ = p.Run(); close(ran) }()
			first, second := twoFrames(t, &out)
			cancel()
			<-ran
			if first != second {
				t.Fatalf("the first frame differs from the renderer's:\nfirst:    %q\nrenderer: %q", first, second)
			}
		})
	}
}

// Run draws the root's first frame, sized to the terminal, before the root
// has run anything: the organization and the screen from the local store.
func TestRunDrawsTheFirstFrameBeforeAnythingRuns(t *testing.T) {
	e, d := startSignedIn(t)
	d.WaitView("project default") // the store holds what the first frame shows

	master, slave := openTestPTY(t, 24, 80)
	var out lockedBuffer
	go func() { _, _ = out.ReadFrom(master) }()
	ctx, cancel := context.WithCancel(context.Background())
	deps := e.deps()
	deps.Output = slave
	deps.ProgramOptions = []tea.ProgramOption{tea.WithInput(nil)}
	ran := make(chan error, 1)
	go func() { ran <- Run(ctx, deps) }()
	first, _ := twoFrames(t, &out)
	cancel()
	if err := <-ran; err != nil {
		t.Fatalf("Run: %v", err)
	}

	root := New(ctx, e.deps())
	root.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if want := firstFrame(root.View(), 80, 24); first != want {
		t.Fatalf("the first frame is not the root's first view:\ngot:  %q\nwant: %q", first, want)
	}
	if !strings.Contains(first, "org acme") {
		t.Fatalf("the first frame does not show the organization from the store: %q", first)
	}
}

// staticView is a model that shows one view and does nothing.
type staticView string

func (v staticView) Init() tea.Cmd                       { return nil }
func (v staticView) Update(tea.Msg) (tea.Model, tea.Cmd) { return v, nil }
func (v staticView) View() string                        { return string(v) }

// twoFrames waits for two frames written from the home position on a fresh
// screen (a carriage return right after cursor home starts one) and returns
// them.
func twoFrames(t *testing.T, out *lockedBuffer) (string, string) {
	t.Helper()
	const start = "\x1b[H\r"
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		s := out.String()
		if i := strings.Index(s, start); i >= 0 {
			if j := strings.Index(s[i+len(start):], start); j >= 0 {
				first := s[i : i+len(start)+j]
				if rest := s[i+len(start)+j:]; len(rest) >= len(first) {
					return first, rest[:len(first)]
				}
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("two frames were not written; output: %q", out.String())
	return "", ""
}

// openTestPTY opens a raw pseudo-terminal of rows×cols, closed when the
// test ends.
func openTestPTY(t *testing.T, rows, cols uint16) (master, slave *os.File) {
	t.Helper()
	master, slave, err := ptypair.Open(rows, cols)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = master.Close(); _ = slave.Close() })
	// Raw, as Bubble Tea makes the terminal it reads keys from (the tests
	// give it no input): the frame's bytes arrive unchanged.
	if _, err := term.MakeRaw(slave.Fd()); err != nil {
		t.Fatal(err)
	}
	return master, slave
}

// lockedBuffer is a bytes.Buffer read by the test while a reader fills it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) ReadFrom(f *os.File) (int64, error) {
	var n int64
	p := make([]byte, 4096)
	for {
		k, err := f.Read(p)
		b.mu.Lock()
		b.buf.Write(p[:k])
		b.mu.Unlock()
		n += int64(k)
		if err != nil {
			return n, err
		}
	}
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
