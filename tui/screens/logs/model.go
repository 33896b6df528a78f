// Package logs is the log tail pane (B13): pick a service or a deployment by
// id, then follow its lines over the WebSocket stream. The stream asks for a
// fresh token before every dial, so reconnects never reuse an expired one.
// space pauses (lines keep arriving and are counted), the arrows scroll, G
// follows again, esc stops the tail and goes back.
package logs

import (
	"context"

	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
)

// Route opens the log tail; Route.With(serviceID) follows that service at once.
const Route common.Route = "logs"

// maxLines bounds the scrollback.
const maxLines = 5000

// Target is what the tail follows.
type Target int

const (
	// Service follows a service's logs.
	Service Target = iota
	// Deployment follows one deployment's logs.
	Deployment
)

// state is where the pane is.
type state int

const (
	picking state = iota
	connecting
	streaming
	ended
)

// Model is the log tail pane.
type Model struct {
	ctx    *common.Context
	keys   keyMap
	state  state
	input  textinput.Model
	target Target
	build  bool // build logs instead of runtime logs

	tail    common.Stamp
	tailCtx context.Context // lives as long as the tail: Close cancels it
	cancel  context.CancelFunc
	stream  *app.LogStream
	spin    spinner.Model
	err     string

	lines  []string
	offset int  // first line on screen
	follow bool // stick to the newest line
	paused bool
	unseen int // lines arrived while paused

	width, height int
}

// New returns the pane; a route argument ("logs/<service id>") starts
// following that service at once.
func New(ctx *common.Context, route common.Route) *Model {
	in := textinput.New()
	in.Prompt = "id: "
	in.Placeholder = ctx.Theme.Placeholder("service id")
	in.PlaceholderStyle = ctx.Theme.Muted
	in.CharLimit = 100
	m := &Model{ctx: ctx, keys: newKeyMap(), input: in, follow: true}
	m.spin = components.NewSpinner(ctx.Theme)
	if id := route.Arg(); id != "" {
		m.input.SetValue(id)
	}
	m.SetSize(ctx.Width, ctx.Height)
	return m
}

// Init focuses the id field, or starts the tail when the route named one.
func (m *Model) Init() tea.Cmd {
	if m.input.Value() != "" {
		return m.start()
	}
	return m.input.Focus()
}

// SetSize gives the pane its area.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.input.Width = max(width-10, 10)
	m.clamp()
}

// Title names the screen in the header.
func (m *Model) Title() string { return "Logs" }

// Route is where this screen is, for `next`.
func (m *Model) Route() common.Route {
	if m.state != picking && m.target == Service {
		return Route.With(m.input.Value())
	}
	return Route
}

// Capturing is true while the id field takes every key.
func (m *Model) Capturing() bool { return m.state == picking }

// Lines are the lines received so far (oldest first).
func (m *Model) Lines() []string { return m.lines }

// Paused reports whether the view is frozen.
func (m *Model) Paused() bool { return m.paused }

// Close stops the tail (the root calls it when the pane leaves the stack, if
// it looks for a Close method; esc does it too).
func (m *Model) Close() {
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
	if m.stream != nil {
		_ = m.stream.Close()
		m.stream = nil
	}
	m.tail = common.Stamp{}
}

// filter is the tail's filter from the picked target.
func (m *Model) filter() app.LogFilter {
	var p app.LogFilter
	if m.build {
		p.Type = "build"
	}
	if m.target == Deployment {
		p.DeploymentID = m.input.Value()
	} else {
		p.ServiceID = m.input.Value()
	}
	return p
}
