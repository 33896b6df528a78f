package logs

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/termsafe"
)

// minWidth is the narrowest pane that still shows lines sensibly.
const minWidth = 40

// add appends a line, dropping the oldest past maxLines.
func (m *Model) add(e app.LogEntry) {
	ts := ""
	if !e.CreatedAt.IsZero() {
		ts = e.CreatedAt.Local().Format("15:04:05") + " "
	}
	// Log lines are the least trusted text of all: each is sanitized once, as
	// it arrives (B24: controls become U+FFFD, tabs spaces).
	for _, l := range strings.Split(strings.TrimRight(e.Msg, "\r\n"), "\n") {
		m.lines = append(m.lines, ts+termsafe.Line(strings.TrimSuffix(l, "\r")))
	}
	if over := len(m.lines) - maxLines; over > 0 {
		m.lines = append(m.lines[:0:0], m.lines[over:]...)
		m.offset = max(m.offset-over, 0)
	}
	if m.paused {
		m.unseen++
		return
	}
	m.clamp()
}

// rows is how many log lines fit (two lines are the title and the status).
func (m *Model) rows() int {
	if m.height <= 0 {
		return 10
	}
	return max(m.height-2, 1)
}

func (m *Model) scroll(n int) {
	m.offset += n
	m.follow = m.offset >= len(m.lines)-m.rows()
	m.clamp()
}

// clamp keeps the window inside the lines, at the bottom when following.
func (m *Model) clamp() {
	bottom := max(len(m.lines)-m.rows(), 0)
	if m.follow && !m.paused {
		m.offset = bottom
	}
	m.offset = min(max(m.offset, 0), bottom)
}

// View draws the picker, or the title, the lines and a status line.
func (m *Model) View() string {
	th := m.ctx.Theme
	if m.width > 0 && m.width < minWidth {
		return th.Warning.Render(fmt.Sprintf("Too narrow: widen the terminal to %d columns.", minWidth))
	}
	if m.state == picking {
		return m.pickView()
	}
	kind := map[Target]string{Service: "service", Deployment: "deployment"}[m.target]
	var b strings.Builder
	b.WriteString(th.Title.Render("Logs of "+kind+" "+termsafe.Line(m.input.Value())) + "\n")
	end := min(m.offset+m.rows(), len(m.lines))
	for _, l := range m.lines[m.offset:end] {
		if m.width > 0 {
			l = ansi.Truncate(l, m.width, "…")
		}
		b.WriteString(l + "\n")
	}
	for i := end - m.offset; i < m.rows(); i++ {
		b.WriteByte('\n')
	}
	b.WriteString(m.statusLine())
	return b.String()
}

func (m *Model) statusLine() string {
	th := m.ctx.Theme
	switch {
	case m.state == connecting:
		return m.spin.View() + th.Muted.Render(" connecting…")
	case m.state == ended:
		return th.Error.Render(termsafe.Line(m.err)) + th.Muted.Render(" — press ") + th.Key.Render("r") + th.Muted.Render(" to reconnect.")
	case m.paused:
		return th.Warning.Render(fmt.Sprintf("paused — %d new lines; space resumes", m.unseen))
	case !m.follow:
		return th.Muted.Render(fmt.Sprintf("line %d of %d — G follows", m.offset+1, len(m.lines)))
	}
	return th.Success.Render("● live") + th.Muted.Render(fmt.Sprintf("  %d lines", len(m.lines)))
}

func (m *Model) pickView() string {
	th := m.ctx.Theme
	kind, other := "service", "deployment"
	if m.target == Deployment {
		kind, other = other, kind
	}
	logType, otherType := "runtime", "build"
	if m.build {
		logType, otherType = otherType, logType
	}
	body := th.Title.Render("Tail logs") + "\n" +
		th.Muted.Render(fmt.Sprintf("Following a %s's %s logs (tab: %s, ctrl+b: %s).", kind, logType, other, otherType)) +
		"\n\n" + m.input.View()
	if m.err != "" {
		body += "\n" + th.FieldHint.Render(termsafe.Line(m.err))
	}
	return body
}
