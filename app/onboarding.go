package app

import (
	"context"
	"errors"
	"net/http"

	"github.com/panel-dev/panel/api"
)

// A token without an organization (a new sign-up, the last membership gone) is
// answered 404 on /v1/account/organization by this API, but the web panel
// sends any client error there to onboarding, not only a 404: a 400 or a 422
// for a token without org_id says the same. Only a 403 is about the session
// (B10), a 401 about the token, and a 429 about the rate.

// noOrganization reports whether err, the session check's answer, means the
// session has no organization (B23): a 404, or any other 4xx but 401, 403
// and 429 for a token without an organization.
func (a *App) noOrganization(ctx context.Context, err error) bool {
	if api.IsNotFound(err) {
		return true
	}
	var e *api.Error
	if !errors.As(err, &e) || e.Status < 400 || e.Status >= 500 {
		return false
	}
	switch e.Status {
	case http.StatusUnauthorized, http.StatusForbidden, http.StatusTooManyRequests:
		return false
	}
	id, ierr := a.currentOrgID(ctx)
	return ierr == nil && id == ""
}
