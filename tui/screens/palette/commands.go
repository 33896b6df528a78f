package palette

import (
	"context"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/termsafe"
	"github.com/panel-dev/panel/tui/common"
)

// namesMsg brings names to complete arguments with.
type namesMsg struct {
	organizations []string
	services      []string
}

// orgResolvedMsg and serviceResolvedMsg answer the argument of :orgs and :logs.
type orgResolvedMsg struct {
	match *app.OrganizationMatch
	err   error
}

type serviceResolvedMsg struct {
	service *app.Service
	err     error
}

// loadNames reads the organizations known locally at once, then the first
// page of the server's list and the current project's services.
func (m *Model) loadNames() tea.Cmd {
	a, ctx := m.ctx.App, m.ctx.Ctx
	known := func() tea.Msg {
		orgs, _ := a.KnownOrganizations()
		return namesMsg{organizations: organizationNames(orgs)}
	}
	listed := func() tea.Msg {
		page, err := a.ListOrganizations(ctx, app.OrganizationQuery{})
		if err != nil {
			return nil // completion only: the known names stay
		}
		return namesMsg{organizations: organizationNames(page.Organizations)}
	}
	cmds := []tea.Cmd{known, listed}
	if m.ctx.Org != nil {
		cmds = append(cmds, func() tea.Msg {
			ps, err := a.CurrentProjectServices(ctx)
			if err != nil || ps == nil {
				return nil
			}
			return namesMsg{services: serviceNames(ps)}
		})
	}
	return tea.Batch(cmds...)
}

func organizationNames(orgs []app.Organization) []string {
	out := make([]string, 0, len(orgs))
	for _, o := range orgs {
		name := o.Name
		if name == "" || !typable(name) {
			name = o.ExternalID
		}
		out = append(out, name)
	}
	return out
}

// serviceNames are the services' names, or app/name for a name that
// several apps' services share (what ResolveService accepts), or the id.
func serviceNames(ps *app.ProjectServices) []string {
	count := map[string]int{}
	for _, s := range ps.Services {
		count[strings.ToLower(s.Name)]++
	}
	out := make([]string, 0, len(ps.Services))
	for _, s := range ps.Services {
		switch {
		case !typable(ps.Label(s)):
			out = append(out, s.ID)
		case count[strings.ToLower(s.Name)] > 1:
			out = append(out, ps.Label(s))
		default:
			out = append(out, s.Name)
		}
	}
	return out
}

// typable reports whether a name from the server can go into the line as
// it is: one without controls or escape sequences completes to its id
// instead (what the line holds is drawn as typed).
func typable(name string) bool { return termsafe.Line(name) == name }

func resolveOrganization(ctx context.Context, a common.App, name string) tea.Cmd {
	return func() tea.Msg {
		m, err := a.ResolveOrganization(ctx, name)
		return orgResolvedMsg{match: m, err: err}
	}
}

func resolveService(ctx context.Context, a common.App, name string) tea.Cmd {
	return func() tea.Msg {
		s, _, err := a.ResolveService(ctx, name)
		return serviceResolvedMsg{service: s, err: err}
	}
}
