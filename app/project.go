package app

import (
	"context"
	"errors"

	"golang.org/x/sync/errgroup"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/store"
)

// CurrentProject returns the current project of the session's organization
// (B17): the stored one if it still exists in this organization, otherwise
// the organization's default, which then becomes the stored one. nil when the
// organization has no project or the session has no organization.
func (a *App) CurrentProject(ctx context.Context) (*api.Project, error) {
	p, _, err := a.currentProject(ctx)
	return p, err
}

// currentProject is CurrentProject with the organization it read (nil when
// the session has none).
func (a *App) currentProject(ctx context.Context) (*api.Project, *api.Organization, error) {
	orgID, err := a.currentOrgID(ctx)
	if err != nil {
		return nil, nil, err
	}
	if orgID == "" {
		return nil, nil, nil
	}
	p, org, err := a.projectOf(ctx, orgID)
	var moved switchedError
	if errors.As(err, &moved) {
		// A switch landed between the session's read and the API's: settle
		// the organization the session is in now, once.
		p, org, err = a.projectOf(ctx, moved.now)
	}
	return p, org, err
}

// switchedError says the organization read answered for another
// organization (now) than the one the session was in when the project was
// chosen.
type switchedError struct{ now string }

func (switchedError) Error() string {
	return "the organization changed while its project was read; try again"
}

// projectOf settles the current project of the organization orgID
// (external id), which the session is in. Nothing is stored when the
// organization read answers for another one: its default project is not
// orgID's.
func (a *App) projectOf(ctx context.Context, orgID string) (*api.Project, *api.Organization, error) {
	stored := a.Store.CurrentProject(orgID)
	var org *api.Organization
	var p *api.Project
	var pErr error
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		var err error
		org, err = a.API.GetCurrentOrganization(gctx)
		return err
	})
	if stored != "" {
		g.Go(func() error {
			p, pErr = a.API.GetProject(gctx, stored)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		if a.noOrganization(ctx, err) {
			return nil, nil, nil // no organization (B23)
		}
		return nil, nil, err
	}
	if org.ExternalID != "" && org.ExternalID != orgID {
		return nil, nil, switchedError{now: org.ExternalID}
	}
	if stored != "" && pErr == nil && p != nil && (p.OrganizationID == "" || p.OrganizationID == org.ID) {
		a.remember(nil, org, p)
		return p, org, nil
	}
	if pErr != nil && !api.IsNotFound(pErr) && !api.IsValidation(pErr) {
		return nil, nil, pErr
	}
	// Missing, or of another organization: fall back to the default.
	var def *api.Project
	if org.DefaultProjectID != "" {
		var err error
		def, err = a.API.GetProject(ctx, org.DefaultProjectID)
		if err != nil && !api.IsNotFound(err) {
			return nil, nil, err
		}
	}
	if err := a.UseProject(orgID, def); err != nil {
		return def, org, err
	}
	a.remember(nil, org, def)
	return def, org, nil
}

// UseProject makes p the current project of the organization (external id);
// nil forgets the choice.
func (a *App) UseProject(orgExternalID string, p *api.Project) error {
	id := ""
	if p != nil {
		id = p.ID
	}
	return a.Store.Update(func(st *store.State) {
		st.SetCurrentProject(orgExternalID, id)
		if p != nil {
			st.Last.Project = &store.Project{ID: p.ID, Name: p.Name, OrganizationID: p.OrganizationID}
		}
	})
}

// ProjectList is the current organization's projects, with its current
// project (B17) and its default.
type ProjectList struct {
	Projects  []api.Project
	Current   *api.Project // nil when the organization has none
	DefaultID string
}

// Projects lists the current organization's projects. The current project
// is settled first (a stale one falls back to the default, CurrentProject),
// so the list marks the project that requests now carry.
func (a *App) Projects(ctx context.Context) (*ProjectList, error) {
	current, org, err := a.currentProject(ctx)
	if err != nil {
		return nil, err
	}
	all, err := a.API.AllProjects(ctx, api.ListProjectsParams{})
	if err != nil {
		return nil, err
	}
	if org != nil {
		a.rememberProjects(org.ExternalID, all)
	}
	l := &ProjectList{Projects: all, Current: current}
	if org != nil {
		l.DefaultID = org.DefaultProjectID
	}
	return l, nil
}

// FindProject finds a project of the current organization by id, exact
// name or fuzzy match (MatchProject). An id or exact name among the projects
// last listed is read alone (one request instead of the whole list); when
// that project is gone, or the name is not one of them, the list decides.
func (a *App) FindProject(ctx context.Context, query string) (*api.Project, error) {
	org, err := a.currentOrgID(ctx)
	if err != nil {
		return nil, err
	}
	if id, _ := matchName("project", query, a.Store.Names(NamesProjects, org)); id != "" {
		p, err := a.API.GetProject(ctx, id)
		switch {
		case err == nil:
			return p, nil
		case !api.IsNotFound(err) && !api.IsValidation(err):
			return nil, err
		}
	}
	all, err := a.API.AllProjects(ctx, api.ListProjectsParams{})
	if err != nil {
		return nil, err
	}
	if org != "" {
		a.rememberProjects(org, all)
	}
	return MatchProject(all, query)
}
