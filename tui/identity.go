package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
)

// statusClearMsg clears the status line if it still shows message seq.
type statusClearMsg struct{ seq int }

// defaultStatusFor is how long a status line stays when nobody says.
const defaultStatusFor = 6 * time.Second

func (m *Model) setStatus(text string, level common.Level, d time.Duration) tea.Cmd {
	m.status.seq++
	m.status.Text, m.status.Level = text, level
	if d == 0 {
		d = defaultStatusFor
		if level == common.LevelError {
			d = 3 * defaultStatusFor
		}
	}
	if d < 0 {
		return nil
	}
	seq := m.status.seq
	return tea.Tick(d, func(time.Time) tea.Msg { return statusClearMsg{seq: seq} })
}

// loadLastKnown fills the context and header from the local store: a file
// read, no network, so the first frame already says who and where.
func (m *Model) loadLastKnown() {
	st, err := m.deps.App.Store.Load()
	if err != nil {
		return
	}
	if u := st.Last.User; u != nil {
		m.ctx.User = &api.User{ID: u.ID, Email: u.Email, Name: u.Name}
	}
	if o := st.Last.Organization; o != nil {
		m.ctx.Org = &api.Organization{ID: o.ID, ExternalID: o.ExternalID, Name: o.Name,
			Status: api.OrganizationStatus(o.Status), DefaultProjectID: o.DefaultProjectID}
	}
	if p := st.Last.Project; p != nil {
		m.ctx.Project = &api.Project{ID: p.ID, Name: p.Name, OrganizationID: p.OrganizationID}
	}
	m.refreshHeader()
	m.header.Stale = m.ctx.User != nil || m.ctx.Org != nil
}

// refreshHeader redraws the header's data from the context.
func (m *Model) refreshHeader() {
	h := header{}
	if u := m.ctx.User; u != nil {
		h.User = u.Email
	} else {
		h.User = m.ctx.SessionInfo.Email
	}
	if o := m.ctx.Org; o != nil {
		h.Org, h.OrgID, h.OrgStatus = o.Name, o.ExternalID, string(o.Status)
		if h.Org == "" {
			h.Org = o.ExternalID
		}
	}
	if p := m.ctx.Project; p != nil {
		h.Project = p.Name
	}
	h.WasOrg = m.wasOrg
	m.header = h
}

// setIdentity records what the root learned and tells every screen.
func (m *Model) setIdentity(u *api.User, o *api.Organization, p *api.Project) tea.Cmd {
	if u != nil {
		m.ctx.User = u
	}
	if o != nil {
		m.ctx.Org = o
	}
	if p != nil {
		m.ctx.Project = p
	}
	m.refreshHeader()
	return m.broadcast(common.IdentityMsg{User: m.ctx.User, Org: m.ctx.Org, Project: m.ctx.Project})
}

// rememberUser keeps the user for the next start's first frame (the
// organization and project are remembered by the app's operations).
// It is a command: a store write takes a file lock and must not block Update.
func rememberUser(a *app.App, u *api.User) tea.Cmd {
	if u == nil {
		return nil
	}
	return func() tea.Msg {
		a.RememberUser(u)
		return nil
	}
}

// forgetIdentity clears what the root knew (sign-out).
func (m *Model) forgetIdentity() {
	m.ctx.User, m.ctx.Org, m.ctx.Project = nil, nil, nil
	m.refreshHeader()
}
