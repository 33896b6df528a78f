package invitations

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
)

func (m *Model) openEmails() tea.Cmd {
	e, cmd := components.NewEmails(m.ctx.Theme)
	e.SetWidth(m.ctx.Width)
	m.emails = &e
	return cmd
}

func (m *Model) emailsKey(msg tea.KeyMsg) tea.Cmd {
	e, cmd, act := m.emails.Update(msg)
	m.emails = &e
	switch act {
	case components.EmailsCancel:
		m.emails = nil
		if m.sendsLeft > 0 {
			m.sendStamp = common.Stamp{} // answers still coming are dropped
			m.sendsLeft = 0
		}
		return m.sent.Reload(false)
	case components.EmailsSubmit:
		emails := m.emails.Pending()
		m.sendStamp, m.sendsLeft = m.ctx.Stamp(), len(emails)
		m.emails.SetBusy(true)
		return m.send(emails)
	}
	return cmd
}

// addressAnswered puts one address's outcome on its line; when the last
// answer is in, the list reloads and, if everything went, the input closes.
func (m *Model) addressAnswered(msg sentMsg) tea.Cmd {
	if m.emails == nil || !m.sendStamp.Answers(msg.Stamp) {
		return nil
	}
	var cmds []tea.Cmd
	if msg.Err != nil {
		m.emails.MarkFailed(msg.Email, whyNotSent(msg.Err))
		if common.FunnelOwns(msg.Err) {
			cmds = append(cmds, common.ReportStampedError(msg.Stamp, msg.Err))
		}
	} else {
		m.emails.MarkSent(msg.Email)
	}
	m.sendsLeft--
	if m.sendsLeft > 0 {
		return tea.Batch(cmds...)
	}
	m.emails.SetBusy(false)
	sent, failed := m.emails.Summary()
	if failed == 0 {
		m.emails = nil
		cmds = append(cmds, common.Success(fmt.Sprintf("Sent %d invitation(s)", sent)))
	}
	return tea.Batch(append(cmds, m.sent.Reload(false))...)
}

// whyNotSent is the line's error: the API's word on the email field when it
// gave one (B21: validation errors next to their input).
func whyNotSent(err error) string {
	if d, ok := common.FieldProblem(err, "email"); ok {
		return d
	}
	return common.Describe(err)
}
