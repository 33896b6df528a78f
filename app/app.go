package app

import (
	"context"
	"errors"
	"fmt"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/store"
)

// App bundles the three parts every operation needs. Build the session with
// Options.ProjectHeader = Store.CurrentProject and the API client's transport
// from Session.Transport(ProjectGuard(...)) (see internal/cmdutil's factory).
type App struct {
	Session *auth.Session
	API     *api.Client
	Store   *store.Store
}

// currentOrgID is this process's organization (external id) from the
// session, without network; "" when the session has none.
func (a *App) currentOrgID(ctx context.Context) (string, error) {
	in, err := a.Session.Info(ctx)
	if err != nil {
		return "", err
	}
	return in.OrganizationID, nil
}

// remember records the last known user, organization and project (the TUI's
// first frame and `status --offline`); a store failure is not the caller's
// problem, so it is dropped.
func (a *App) remember(u *api.User, o *api.Organization, p *api.Project) {
	a.rememberWith(u, o, p, nil)
}

// RememberUser keeps the signed-in user as the last known one (the TUI's
// first frame and `status --offline` show it before any network answer).
// Callers remember a user only once the session check has passed: a revoked
// session's sign-out forgets it, and must not be undone by a late answer.
func (a *App) RememberUser(u *api.User) {
	if u != nil {
		a.remember(u, nil, nil)
	}
}

// rememberWith is remember plus more changes in the same write (a switch
// records its project and the previous organization at once: one write
// fewer on the switch's path).
func (a *App) rememberWith(u *api.User, o *api.Organization, p *api.Project, more func(*store.State)) {
	if o != nil {
		a.RememberOrganizations([]api.Organization{*o}, false)
	}
	_ = a.Store.Update(func(st *store.State) {
		if more != nil {
			more(st)
		}
		if u != nil {
			st.Last.User = &store.User{ID: u.ID, Email: u.Email, Name: u.Name}
		}
		if o != nil {
			st.Last.Organization = &store.Organization{ID: o.ID, ExternalID: o.ExternalID, Name: o.Name,
				Status: string(o.Status), DefaultProjectID: o.DefaultProjectID}
			if p == nil && st.Last.Project != nil && st.Last.Project.OrganizationID != o.ID {
				st.Last.Project = nil // never show a project under another organization
			}
		}
		if p != nil {
			st.Last.Project = &store.Project{ID: p.ID, Name: p.Name, OrganizationID: p.OrganizationID}
		}
		st.Last.At = timeNow()
	})
}

// ErrNoOrganization is returned by operations that need an organization when
// the session has none (B23: onboarding, not a failure of the session).
var ErrNoOrganization = errors.New("no current organization")

// SwitchRefusedError says WorkOS refused the switch's refresh
// (organization_membership_not_found, sso_required, mfa_enrollment, …): the
// caller signs in through the browser with LoginOptions.OrganizationID =
// Organization.ExternalID. It unwraps to the *auth.RefusedError.
type SwitchRefusedError struct {
	Organization api.Organization
	Err          error
}

func (e *SwitchRefusedError) Error() string {
	return fmt.Sprintf("cannot switch to %s without signing in again (%v)", orgLabel(e.Organization), e.Err)
}

func (e *SwitchRefusedError) Unwrap() error { return e.Err }

func orgLabel(o api.Organization) string {
	if o.Name != "" {
		return o.Name
	}
	return o.ExternalID
}

// CurrentOrganizationID is this process's organization (external id) as the
// session holds it, without network; "" when the session has none.
func (a *App) CurrentOrganizationID(ctx context.Context) (string, error) { return a.currentOrgID(ctx) }
