package orgs

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/components"
	"github.com/panel-dev/panel/tui/screens/internal/orgform"
)

// Update routes a message: results by stamp, keys to the form or the list.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case pagesMsg:
		return m, m.gotPages(msg)
	case frameMsg:
		m.frameDue = false
		m.sync()
		return m, nil
	case searchDueMsg:
		return m, m.searchDue(msg)
	case searchMsg:
		return m, m.gotSearch(msg)
	case common.SwitchFinishedMsg:
		return m, m.switchFinished(msg)
	case common.OrgSwitchedMsg:
		return m, m.orgSwitched()
	case orderMsg:
		m.setOrder(msg.Order)
		return m, nil
	case tea.KeyMsg:
		m.sync() // keys act on every row that came
		if m.form != nil {
			return m, m.formKey(msg)
		}
		return m, m.listKey(msg)
	}
	if m.form != nil {
		cmd, _ := m.form.Update(msg)
		return m, cmd
	}
	return m, m.updateList(msg)
}

func (m *Model) updateList(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	m.list, cmd, _ = m.list.Update(msg)
	return cmd
}

func (m *Model) listKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Create):
		var cmd tea.Cmd
		m.form, cmd = orgform.New(m.ctx, "New organization", "create")
		return cmd
	case key.Matches(msg, m.keys.Pin):
		if o, ok := m.selected(); ok {
			return togglePin(m.ctx.App, o.ExternalID)
		}
		return nil
	}
	if m.enterBeforeLoaded(msg) {
		return nil
	}
	var cmd tea.Cmd
	var act components.Action
	m.list, cmd, act = m.list.Update(msg)
	switch act {
	case components.ActionSelect:
		return tea.Batch(cmd, m.switchToSelected())
	case components.ActionRetry:
		return tea.Batch(cmd, m.startWalk(true))
	case components.ActionFilterChanged:
		return tea.Batch(cmd, m.maybeSearch())
	case components.ActionIgnored:
		if msg.Type == tea.KeyEsc {
			return tea.Batch(cmd, common.Back())
		}
	}
	return cmd
}

// switchToSelected asks the root to switch (B15) and leaves the switcher:
// the root shows the new organization from this list's data at once.
func (m *Model) switchToSelected() tea.Cmd {
	o, ok := m.selected()
	if !ok {
		return nil
	}
	if o.ExternalID == m.ctx.OrgExternalID() {
		return tea.Batch(common.Back(), common.Status(o.Name+" is already the current organization"))
	}
	return tea.Batch(common.SwitchOrg(o.Organization()), common.Back())
}

// gotPages adds the pages that came and waits for the next ones.
func (m *Model) gotPages(msg pagesMsg) tea.Cmd {
	if !m.walk.Answers(msg.Stamp) {
		return nil
	}
	b := msg.Batch
	frame := m.add(b.Organizations)
	m.nextOffset = b.Next
	if msg.Err != nil {
		m.sync()
		return tea.Batch(frame, m.failed(msg.Stamp, msg.Err))
	}
	if b.Done {
		m.complete = true
		m.sync()
		m.list.Done()
		return tea.Batch(frame, m.typedAheadSwitch())
	}
	return tea.Batch(frame, nextPages(m.walkCtx, msg.Walk, m.walk))
}

// maybeSearch asks the server too while pages are missing: the local filter
// only knows what is loaded.
func (m *Model) maybeSearch() tea.Cmd {
	q := m.list.FilterValue()
	if m.complete || q == "" || m.searched[q] {
		return nil
	}
	m.searchStamp = m.ctx.Stamp()
	return searchLater(m.searchStamp, q)
}

func (m *Model) searchDue(msg searchDueMsg) tea.Cmd {
	if !m.searchStamp.Answers(msg.Stamp) || msg.Query != m.list.FilterValue() {
		return nil // a later key replaced this search
	}
	m.list.SetNote("searching the server…")
	return search(m.ctx.Ctx, m.ctx.App, m.searchStamp, msg.Query)
}

func (m *Model) gotSearch(msg searchMsg) tea.Cmd {
	if !m.searchStamp.Answers(msg.Stamp) {
		return nil
	}
	if msg.Err != nil {
		m.sync()
		return m.failed(msg.Stamp, msg.Err)
	}
	m.searched[msg.Query] = true
	frame := m.add(msg.Orgs)
	m.sync()
	return frame
}

// failed shows a load error in the list (r retries); what the funnel owns
// (sign-in needed, revoked, deactivated) goes there instead.
func (m *Model) failed(s common.Stamp, err error) tea.Cmd {
	if common.FunnelOwns(err) {
		m.list.Done()
		return common.ReportStampedError(s, err)
	}
	m.list.SetError(common.Describe(err))
	return nil
}

// orgSwitched resumes an unfinished walk under the new generation (pages in
// flight for the old one are dropped) and rereads recents.
func (m *Model) orgSwitched() tea.Cmd {
	cmds := []tea.Cmd{loadOrder(m.ctx.App)}
	if !m.complete {
		cmds = append(cmds, m.startWalk(false))
	}
	return tea.Batch(cmds...)
}

// formKey feeds a key to the create form.
func (m *Model) formKey(msg tea.KeyMsg) tea.Cmd {
	cmd, res := m.form.Update(msg)
	if res == orgform.Canceled {
		m.form = nil
		return m.list.FocusFilter()
	}
	return cmd
}

// switchFinished closes the form once the new organization is current (and
// the switcher with it), or leaves it up showing why not.
func (m *Model) switchFinished(msg common.SwitchFinishedMsg) tea.Cmd {
	if m.form == nil {
		return nil
	}
	if _, created := m.form.Finished(msg); created {
		m.form = nil
		return common.Back()
	}
	return nil
}
