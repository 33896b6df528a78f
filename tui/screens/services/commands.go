package services

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
)

// services lists the current project's apps and services.
func (m *Model) services() func(context.Context) (*app.ProjectServices, error) {
	return m.ctx.App.CurrentProjectServices
}

// instancesMsg answers the instances of one service.
type instancesMsg struct {
	Stamp     common.Stamp
	ServiceID string
	Instances []app.Instance
	Err       error
}

func (m *Model) askInstances(serviceID string) tea.Cmd {
	m.loadInst = m.ctx.Stamp()
	a, s, ctx := m.ctx.App, m.loadInst, m.ctx.Ctx
	return func() tea.Msg {
		list, err := a.ServiceInstances(ctx, serviceID)
		return instancesMsg{Stamp: s, ServiceID: serviceID, Instances: list, Err: err}
	}
}
