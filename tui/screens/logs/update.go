package logs

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/common"
)

// Update routes a message: stream results by stamp, keys by state.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case openedMsg:
		return m, m.opened(msg)
	case lineMsg:
		return m, m.line(msg)
	case spinner.TickMsg:
		if m.state != connecting {
			return m, nil
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return m, cmd
	case common.OrgSwitchedMsg:
		// The service belongs to the organization we left.
		m.Close()
		m.state, m.err = picking, "The organization changed: pick a service of "+msg.Org.Name+"."
		return m, m.input.Focus()
	case tea.KeyMsg:
		if m.state == picking {
			return m, m.pickKey(msg)
		}
		return m, m.tailKey(msg)
	}
	if m.state == picking {
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m *Model) pickKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Stop):
		return common.Back()
	case key.Matches(msg, k.Kind):
		m.target = 1 - m.target
		m.input.Placeholder = m.ctx.Theme.Placeholder(map[Target]string{Service: "service id", Deployment: "deployment id"}[m.target])
		return nil
	case key.Matches(msg, k.Build):
		m.build = !m.build
		return nil
	case key.Matches(msg, k.Start):
		if strings.TrimSpace(m.input.Value()) == "" {
			m.err = "Type the id of a service (or, after tab, of a deployment)."
			return nil
		}
		m.input.SetValue(strings.TrimSpace(m.input.Value()))
		return m.start()
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return cmd
}

// start dials a new tail; any previous one stops first.
func (m *Model) start() tea.Cmd {
	m.Close()
	m.input.Blur()
	m.state, m.err = connecting, ""
	m.lines, m.offset, m.follow, m.paused, m.unseen = nil, 0, true, false, 0
	m.tail = m.ctx.Stamp()
	m.tailCtx, m.cancel = context.WithCancel(m.ctx.Ctx)
	return tea.Batch(m.spin.Tick, dial(m.tailCtx, m.ctx.App, m.tail, m.filter()))
}

func (m *Model) tailKey(msg tea.KeyMsg) tea.Cmd {
	k, l := m.keys, m.keys.List
	switch {
	case key.Matches(msg, k.Stop):
		m.Close()
		return common.Back()
	case key.Matches(msg, k.Pick):
		m.Close()
		m.state = picking
		return m.input.Focus()
	case m.state == ended && key.Matches(msg, k.Retry):
		return m.start() // a new dial asks for a fresh token
	case key.Matches(msg, k.Pause):
		m.paused = !m.paused
		if !m.paused {
			m.unseen, m.follow = 0, true
			m.clamp()
		}
	case key.Matches(msg, k.Follow):
		m.follow, m.paused, m.unseen = true, false, 0
		m.clamp()
	case key.Matches(msg, l.Up):
		m.scroll(-1)
	case key.Matches(msg, l.Down):
		m.scroll(1)
	case key.Matches(msg, l.PageUp):
		m.scroll(-m.rows())
	case key.Matches(msg, l.PageDown):
		m.scroll(m.rows())
	case key.Matches(msg, l.Top):
		m.scroll(-len(m.lines))
	}
	return nil
}

func (m *Model) opened(msg openedMsg) tea.Cmd {
	if !m.tail.Answers(msg.Stamp) {
		if msg.Stream != nil {
			_ = msg.Stream.Close() // a tail we no longer want
		}
		return nil
	}
	if msg.Err != nil {
		return m.failed(msg.Stamp, msg.Err)
	}
	m.stream, m.state = msg.Stream, streaming
	return next(m.streamCtx(), m.stream, m.tail)
}

func (m *Model) line(msg lineMsg) tea.Cmd {
	if !m.tail.Answers(msg.Stamp) {
		return nil
	}
	if msg.Err != nil {
		if endedNormally(msg.Err) {
			m.Close()
			m.state, m.err = ended, "The stream ended."
			return nil
		}
		return m.failed(msg.Stamp, msg.Err)
	}
	m.add(msg.Entry)
	return next(m.streamCtx(), m.stream, m.tail)
}

// streamCtx is the context of the running tail (cancelled by Close).
func (m *Model) streamCtx() context.Context { return m.tailCtx }

// failed ends the tail; sign-in and revoked go to the funnel, anything else
// stays here with `r` to reconnect.
func (m *Model) failed(s common.Stamp, err error) tea.Cmd {
	m.Close()
	m.state, m.err = ended, common.Describe(err)
	if common.FunnelOwns(err) {
		return common.ReportStampedError(s, err)
	}
	if common.NotFound(err) {
		m.err = "No such " + map[Target]string{Service: "service", Deployment: "deployment"}[m.target] + " in this organization."
	}
	return nil
}
