package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/panel-dev/panel/api"
)

// ProjectServices are the current project's apps and services (B30).
type ProjectServices struct {
	Project  *Project
	Apps     []Application
	Services []Service
}

// AppName is the name of the service's app ("" when it is not listed).
func (p *ProjectServices) AppName(s api.Service) string {
	for _, a := range p.Apps {
		if a.ID == s.AppID {
			return a.Name
		}
	}
	return ""
}

// Label names a service for people: app/service, which is unique.
func (p *ProjectServices) Label(s api.Service) string {
	if app := p.AppName(s); app != "" {
		return app + "/" + s.Name
	}
	return s.Name
}

// CurrentProjectServices lists the apps and services of the current project
// (B17's current project; apps and services are read at once). A session
// without organization is ErrNoOrganization; an organization without project
// has none.
func (a *App) CurrentProjectServices(ctx context.Context) (*ProjectServices, error) {
	orgID, err := a.currentOrgID(ctx)
	if err != nil {
		return nil, err
	}
	if orgID == "" {
		return nil, ErrNoOrganization
	}
	p, err := a.CurrentProject(ctx)
	if err != nil || p == nil {
		return &ProjectServices{Project: p}, err
	}
	out := &ProjectServices{Project: p}
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		var err error
		out.Apps, err = a.API.AllApps(gctx, api.ListAppsParams{ProjectID: p.ID})
		return err
	})
	g.Go(func() error {
		var err error
		out.Services, err = a.API.AllServices(gctx, api.ListServicesParams{ProjectID: p.ID})
		return err
	})
	if err := g.Wait(); err != nil {
		return out, err
	}
	a.rememberServices(out)
	return out, nil
}

// ServiceInstances lists the instances of a service.
func (a *App) ServiceInstances(ctx context.Context, serviceID string) ([]api.Instance, error) {
	return a.API.AllInstances(ctx, api.ListInstancesParams{ServiceID: serviceID})
}

// AmbiguousServiceError says several services of the project answer to a
// name; Candidates are app/service labels with their ids.
type AmbiguousServiceError struct {
	Name       string
	Candidates []ServiceCandidate
}

// ServiceCandidate is one of the services a name could mean.
type ServiceCandidate struct {
	Label string // app/service
	ID    string
}

func (e *AmbiguousServiceError) Error() string {
	return fmt.Sprintf("%d services of the current project are named %q", len(e.Candidates), e.Name)
}

// ServiceNotFoundError says no service answers to a name or id.
type ServiceNotFoundError struct {
	Name    string
	Project string // the current project's name ("" without project)
}

func (e *ServiceNotFoundError) Error() string {
	if e.Project == "" {
		return fmt.Sprintf("no service is named %q and no service has that id", e.Name)
	}
	return fmt.Sprintf("no service of project %s is named %q, and no service has that id", e.Project, e.Name)
}

// ResolveService finds a service by id, by name within the current project,
// or by app/name there (B30). Names compare without case. A name that
// several apps' services share is an *AmbiguousServiceError listing them;
// neither a name nor an id is a *ServiceNotFoundError. An id outside the
// current project (another project of the organization) is found too.
func (a *App) ResolveService(ctx context.Context, nameOrID string) (*api.Service, *ProjectServices, error) {
	query := strings.TrimSpace(nameOrID)
	if query == "" {
		return nil, nil, errors.New("no service named")
	}
	ps, err := a.CurrentProjectServices(ctx)
	if err != nil {
		return nil, nil, err
	}
	var matches []int
	for i, s := range ps.Services {
		switch {
		case s.ID == query:
			return &ps.Services[i], ps, nil
		case strings.EqualFold(s.Name, query), strings.EqualFold(ps.Label(s), query):
			matches = append(matches, i)
		}
	}
	switch len(matches) {
	case 1:
		return &ps.Services[matches[0]], ps, nil
	case 0:
	default:
		amb := &AmbiguousServiceError{Name: query}
		for _, i := range matches {
			amb.Candidates = append(amb.Candidates, ServiceCandidate{Label: ps.Label(ps.Services[i]), ID: ps.Services[i].ID})
		}
		return nil, ps, amb
	}
	s, err := a.API.GetService(ctx, query)
	switch {
	case api.IsNotFound(err) || api.IsValidation(err):
		notFound := &ServiceNotFoundError{Name: query}
		if ps.Project != nil {
			notFound.Project = ps.Project.Name
		}
		return nil, ps, notFound
	case err != nil:
		return nil, ps, err
	}
	return s, ps, nil
}
