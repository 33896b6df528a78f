package orgs

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/tui/common"
)

// formKey feeds a key to the create form and submits it.
func (m *Model) formKey(msg tea.KeyMsg) tea.Cmd {
	cmd, res := m.form.update(msg)
	switch res {
	case formCancel:
		m.form = nil
		return m.list.FocusFilter()
	case formSubmit:
		m.form.busy = true
		m.form.stamp = m.ctx.Stamp()
		return create(m.ctx.Ctx, m.ctx.API, m.form.stamp, m.form.input.Value())
	}
	return cmd
}

// gotCreated switches into the new organization (B20), or shows why not:
// field errors next to the name, anything else through the funnel.
func (m *Model) gotCreated(msg createdMsg) tea.Cmd {
	if m.form == nil || !m.form.stamp.Answers(msg.Stamp) {
		return nil
	}
	if msg.Err != nil {
		return common.ReportStampedError(msg.Stamp, m.form.failed(msg.Err))
	}
	org := *msg.Org
	m.form = nil
	m.all = merge(m.all, m.seen, []api.Organization{org})
	m.rearrange()
	return tea.Batch(common.Success("Created "+org.Name), common.SwitchOrg(org))
}
