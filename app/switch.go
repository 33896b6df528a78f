package app

import (
	"context"
	"errors"
	"fmt"

	"golang.org/x/sync/errgroup"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/store"
)

// SwitchStep is how far a switch has gone, for the progress callback.
type SwitchStep int

const (
	// SwitchTokenReady means the token of the new organization is in hand; show
	// the organization as the list knew it (B15: show it at once).
	SwitchTokenReady SwitchStep = iota + 1
	// SwitchLoaded means the fresh organization and its default project arrived.
	SwitchLoaded
)

// SwitchProgress reports a step; Organization is the best known version.
type SwitchProgress struct {
	Step         SwitchStep
	Organization api.Organization
	Project      *api.Project // at SwitchLoaded, nil when the org has no project
}

// SwitchResult is where a switch landed.
type SwitchResult struct {
	Organization api.Organization // fresh from the API (or the list's copy when deactivated)
	// Project is now current: the one the organization had when the user left it (B29), else its
	// default; nil if none.
	Project  *api.Project
	Previous string // external id of the organization left ("" if none)
	// ProjectGone is the id of the project remembered as the organization's current one when it no
	// longer exists there: Project is the default instead, and the caller says so.
	ProjectGone string
	// Deactivated: the organization rejects its tokens ("Token rejected");
	// the switch happened and the caller shows the deactivated state.
	Deactivated bool
}

// SwitchOrganization moves the session into target (B15), which must carry
// its ExternalID and should carry its DefaultProjectID as the organization
// list gave them:
//  1. refresh into the organization (WorkOS); a refusal is a *SwitchRefusedError. A token of the
//     organization the session still holds, valid, is used instead, with no round trip (switch_held.go);
//  2. drop every cached query;
//  3. in parallel, GET /v1/account/organization (the session check: a 403
//     is a revoked session, signed out, or a lost membership, moved on:
//     membership.go) and GET the project the organization had when the user
//     left it (else the default named by the list), checked against the
//     fresh organization; once both requests are on the wire, report
//     SwitchTokenReady;
//  4. store the project as the organization's current one and record the
//     previous and recent organizations.
//
// The token store's writes (keychain items take milliseconds each) start
// once the reads of step 3 are on the wire and run alongside their round
// trip: two round trips and little else. Reads first: on a busy machine the
// writes (D-Bus traffic, a file's fsync) and the screens' reloads that
// SwitchTokenReady starts would otherwise delay sending them.
func (a *App) SwitchOrganization(ctx context.Context, target api.Organization, progress func(SwitchProgress)) (*SwitchResult, error) {
	return a.switchOrganization(ctx, target, progress, true)
}

// switchOrganization is SwitchOrganization; move says whether a membership found gone on arrival moves
// the session on (membership.go).
func (a *App) switchOrganization(ctx context.Context, target api.Organization, progress func(SwitchProgress), move bool) (*SwitchResult, error) {
	if target.ExternalID == "" {
		return nil, errors.New("the organization has no external id to switch to")
	}
	sw, err := a.Session.StartSwitch(ctx, target.ExternalID)
	if err != nil {
		var refused *auth.RefusedError
		if errors.As(err, &refused) {
			return nil, &SwitchRefusedError{Organization: target, Err: err}
		}
		return nil, err
	}
	res, err := a.completeSwitch(ctx, target, sw.From, progress, sw.Held(), move, sw.Proceed)
	if errors.Is(err, errHeldTokenRefused) {
		return a.switchAfterRefusedToken(ctx, target, sw, progress)
	}
	if serr := sw.Wait(); serr != nil && err == nil {
		return nil, serr
	}
	return res, err
}

// CompleteSwitch runs the rest of a switch once the session holds a token of
// target (after SwitchOrganization's refresh, or after the browser sign-in
// that replaces a refused one): steps 2 to 4 above. from is the organization
// left ("" if none).
func (a *App) CompleteSwitch(ctx context.Context, target api.Organization, from string, progress func(SwitchProgress)) (*SwitchResult, error) {
	return a.completeSwitch(ctx, target, from, progress, false, true, func() {})
}

// completeSwitch is CompleteSwitch; held says the session switched with a token it already held, which a
// refusal of the session check (B10) then only discredits (errHeldTokenRefused), see switch_held.go; move
// says whether a lost membership moves the session on (membership.go); proceed lets the token store's
// writes start, once the reads are on the wire.
func (a *App) completeSwitch(ctx context.Context, target api.Organization, from string, progress func(SwitchProgress), held, move bool, proceed func()) (*SwitchResult, error) {
	if progress == nil {
		progress = func(SwitchProgress) {}
	}
	a.API.Cache().InvalidateAll()
	remembered := a.Store.CurrentProject(target.ExternalID)
	fresh, project, gone, err := a.loadOrganizationAndProject(ctx, target, remembered, func() {
		proceed()
		progress(SwitchProgress{Step: SwitchTokenReady, Organization: target})
	})
	res := &SwitchResult{Previous: from}
	switch {
	case held && api.IsSessionRevoked(err):
		return nil, errHeldTokenRefused
	case api.IsSessionRevoked(err):
		return nil, a.sessionRefused(ctx, target, move)
	case api.IsOrgDeactivated(err):
		res.Organization, res.Deactivated = target, true
	case err != nil:
		return nil, err
	default:
		res.Organization, res.Project = *fresh, project
		if gone {
			res.ProjectGone = remembered
		}
	}
	// Shown first, stored right after (a state write is an fsync): the
	// caller reports the switch done only when this returns.
	progress(SwitchProgress{Step: SwitchLoaded, Organization: res.Organization, Project: res.Project})
	a.rememberWith(nil, &res.Organization, res.Project, func(st *store.State) {
		switch {
		case res.Project != nil:
			st.SetCurrentProject(target.ExternalID, res.Project.ID)
		case !res.Deactivated:
			st.SetCurrentProject(target.ExternalID, "")
		}
		st.RecordSwitch(from, target.ExternalID)
	})
	return res, nil
}

// loadOrganizationAndProject runs the reads of a switch at once, so that
// the organization and its project arrive one round trip after the refresh:
//   - the project wanted (the one remembered for the organization, else the
//     default named by the list) is fetched alongside the organization and
//     kept only if it belongs to the fresh organization (and, for the
//     default, if the fresh organization names the same);
//   - when neither is known (an organization known by its external id only),
//     the first page of projects is fetched alongside instead and the
//     default picked from it.
//
// Only a default that neither read supplied costs another round trip. gone
// reports a remembered project that no longer exists in the organization.
func (a *App) loadOrganizationAndProject(ctx context.Context, target api.Organization, remembered string, sent func()) (fresh *api.Organization, p *api.Project, gone bool, err error) {
	want := remembered
	if want == "" {
		want = target.DefaultProjectID
	}
	var wanted *api.Project
	var wantedErr error
	var projects []api.Project
	wire := newOnTheWire()
	g, gctx := errgroup.WithContext(ctx)
	octx, osent := wire.track(gctx)
	pctx, psent := wire.track(gctx)
	g.Go(func() error {
		defer osent()
		var err error
		fresh, err = a.API.GetCurrentOrganization(octx)
		return err
	})
	if want != "" {
		g.Go(func() error {
			defer psent()
			wanted, wantedErr = a.API.GetProject(pctx, want)
			return nil // judged below, against the fresh organization
		})
	} else {
		g.Go(func() error {
			defer psent()
			r, err := a.API.ListProjects(pctx, api.ListProjectsParams{Page: api.Page{Limit: api.MaxLimit}})
			if err == nil {
				projects = r.Projects
			}
			return nil // a failed list only means one more read below
		})
	}
	wire.wait()
	sent()
	if err := g.Wait(); err != nil {
		return nil, nil, false, err
	}
	if fresh.ExternalID != "" && fresh.ExternalID != target.ExternalID {
		return nil, nil, false, fmt.Errorf("the switch to %s landed in %s; try again", orgLabel(target), orgLabel(*fresh))
	}
	ours := wantedErr == nil && wanted != nil && (wanted.OrganizationID == "" || wanted.OrganizationID == fresh.ID)
	if remembered != "" {
		if ours {
			return fresh, wanted, false, nil
		}
		if wantedErr != nil && !api.IsNotFound(wantedErr) && !api.IsValidation(wantedErr) {
			return nil, nil, false, wantedErr // unknown: the remembered project is not given up on a failed read
		}
		gone, wanted = true, nil
	}
	if fresh.DefaultProjectID == "" {
		return fresh, nil, gone, nil
	}
	if wanted != nil && ours && wanted.ID == fresh.DefaultProjectID {
		return fresh, wanted, gone, nil
	}
	for i := range projects {
		if projects[i].ID == fresh.DefaultProjectID {
			return fresh, &projects[i], gone, nil
		}
	}
	p, err = a.API.GetProject(ctx, fresh.DefaultProjectID)
	if api.IsNotFound(err) {
		return fresh, nil, gone, nil
	}
	if err != nil {
		return nil, nil, false, err
	}
	return fresh, p, gone, nil
}

// SwitchTo switches to the organization a name resolved to
// (ResolveOrganization): SwitchOrganization, except that when WorkOS refuses
// an organization known only locally, the server's list decides first. One
// that is not the user's any more is an error saying so (and is forgotten),
// never a browser sign-in; otherwise the *SwitchRefusedError carries the
// server's copy of it.
func (a *App) SwitchTo(ctx context.Context, m OrganizationMatch, progress func(SwitchProgress)) (*SwitchResult, error) {
	res, err := a.SwitchOrganization(ctx, m.Organization, progress)
	var refused *SwitchRefusedError
	if errors.As(err, &refused) && m.Local {
		fresh, ferr := a.FindOrganizationOnServer(ctx, m.Organization.ExternalID)
		if ferr != nil {
			return nil, ferr
		}
		refused.Organization = *fresh
	}
	return res, err
}

// SwitchPrevious switches back to the previous organization (`orgs switch -`,
// the TUI's `-` key).
func (a *App) SwitchPrevious(ctx context.Context, progress func(SwitchProgress)) (*SwitchResult, error) {
	m, err := a.ResolveOrganization(ctx, "-")
	if err != nil {
		return nil, err
	}
	return a.SwitchTo(ctx, *m, progress)
}

// FindOrganization returns the user's organization with that external id or
// id: from the organizations last seen when it is among them, else from the
// server's list (which is then remembered).
func (a *App) FindOrganization(ctx context.Context, id string) (*api.Organization, error) {
	if o, ok := a.KnownOrganization(id); ok && (o.ExternalID == id || o.ID == id) {
		return o, nil
	}
	return a.FindOrganizationOnServer(ctx, id)
}

// FindOrganizationOnServer is FindOrganization asking the server's list
// (when what is known locally may be stale, e.g. a refused switch).
func (a *App) FindOrganizationOnServer(ctx context.Context, id string) (*api.Organization, error) {
	orgs, err := a.UserOrganizations(ctx)
	if err != nil {
		return nil, err
	}
	for _, o := range orgs {
		if o.ExternalID == id || o.ID == id {
			return &o, nil
		}
	}
	return nil, fmt.Errorf("organization %s is not one of yours", id)
}
