package palette

import (
	"context"
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/screens/logs"
)

// Update handles a key or a result for the palette.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return m, m.handleKey(msg)
	case namesMsg:
		m.names.Organizations = uniqueSorted(append(m.names.Organizations, msg.organizations...))
		m.names.Services = uniqueSorted(append(m.names.Services, msg.services...))
		m.refresh()
	case orgResolvedMsg:
		return m, m.orgResolved(msg)
	case serviceResolvedMsg:
		return m, m.serviceResolved(msg)
	default:
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg) // the cursor's blink
		return m, cmd
	}
	return m, nil
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Close):
		return common.Back()
	case m.running:
		return nil // the command's answer decides
	case key.Matches(msg, k.Complete):
		m.complete()
		return nil
	case key.Matches(msg, k.Up):
		m.cursor = max(m.cursor-1, 0)
		return nil
	case key.Matches(msg, k.Down):
		m.cursor = min(m.cursor+1, max(len(m.suggestions)-1, 0))
		return nil
	case key.Matches(msg, k.Run):
		return m.run()
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	m.err = ""
	m.refresh()
	return cmd
}

// complete replaces the line with the suggestion under the cursor (a
// command that takes an argument gets its space).
func (m *Model) complete() {
	if len(m.suggestions) == 0 {
		return
	}
	line := m.suggestions[m.cursor].Line
	p := parse(line)
	if cmd, ok := find(m.cmds, p.Word); ok && !p.HasArg && cmd.Arg != argNone {
		line += " "
	}
	m.input.SetValue(line)
	m.input.CursorEnd()
	m.cursor = 0
	m.refresh()
}

// run runs the line: a command typed in part runs the suggestion under the
// cursor.
func (m *Model) run() tea.Cmd {
	p := parse(m.input.Value())
	cmd, ok := find(m.cmds, p.Word)
	if !ok && !p.HasArg && len(m.suggestions) > 0 {
		p = parse(m.suggestions[m.cursor].Line)
		cmd, ok = find(m.cmds, p.Word)
	}
	switch {
	case p.Word == "":
		return nil
	case !ok:
		m.err = fmt.Sprintf("No command %q: tab lists them.", p.Word)
		return nil
	case cmd.Name == quitCommand:
		return common.Quit()
	case p.Arg == "" || cmd.Arg == argNone:
		return tea.Sequence(common.Back(), common.OpenFresh(cmd.Route))
	}
	m.running, m.err = true, ""
	if cmd.Arg == argOrganization {
		return resolveOrganization(m.ctx.Ctx, m.ctx.App, p.Arg)
	}
	return resolveService(m.ctx.Ctx, m.ctx.App, p.Arg)
}

// orgResolved switches to the organization :orgs named, through the root's
// one switch path.
func (m *Model) orgResolved(msg orgResolvedMsg) tea.Cmd {
	m.running = false
	if msg.err != nil {
		m.err = msg.err.Error()
		return nil
	}
	match, a := *msg.match, m.ctx.App
	run := func(ctx context.Context, p func(app.SwitchProgress)) (*app.SwitchResult, error) {
		return a.SwitchTo(ctx, match, p)
	}
	return tea.Sequence(common.Back(), common.SwitchVia(m.ctx.Stamp(), organizationLabel(match.Organization), run))
}

// serviceResolved follows the logs of the service :logs named.
func (m *Model) serviceResolved(msg serviceResolvedMsg) tea.Cmd {
	m.running = false
	if msg.err != nil {
		m.err = msg.err.Error()
		return nil
	}
	return tea.Sequence(common.Back(), common.OpenFresh(logs.Route.With(msg.service.ID)))
}

func organizationLabel(o app.Organization) string {
	if o.Name != "" {
		return o.Name
	}
	return o.ExternalID
}
