package app

import (
	"context"

	"golang.org/x/sync/errgroup"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/store"
)

// CurrentProject returns the current project of the session's organization
// (B17): the stored one if it still exists in this organization, otherwise
// the organization's default, which then becomes the stored one. nil when the
// organization has no project or the session has no organization.
func (a *App) CurrentProject(ctx context.Context) (*api.Project, error) {
	orgID, err := a.currentOrgID(ctx)
	if err != nil {
		return nil, err
	}
	if orgID == "" {
		return nil, nil
	}
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
		if api.IsNotFound(err) {
			return nil, nil // no organization (B23)
		}
		return nil, err
	}
	if stored != "" && pErr == nil && p != nil && (p.OrganizationID == "" || p.OrganizationID == org.ID) {
		a.remember(nil, org, p)
		return p, nil
	}
	if pErr != nil && !api.IsNotFound(pErr) && !api.IsValidation(pErr) {
		return nil, pErr
	}
	// Missing, or of another organization: fall back to the default.
	var def *api.Project
	if org.DefaultProjectID != "" {
		def, err = a.API.GetProject(ctx, org.DefaultProjectID)
		if err != nil && !api.IsNotFound(err) {
			return nil, err
		}
	}
	if err := a.UseProject(orgID, def); err != nil {
		return def, err
	}
	a.remember(nil, org, def)
	return def, nil
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
