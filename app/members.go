package app

import (
	"context"

	"github.com/panel-dev/panel/api"
)

// Members lists every member of the organization with this id, or of the
// session's organization when id is "" (one read more to learn it) (B18).
func (a *App) Members(ctx context.Context, orgID string) ([]Member, error) {
	if orgID == "" {
		org, err := a.API.GetCurrentOrganization(ctx)
		if err != nil {
			return nil, err
		}
		orgID = org.ID
	}
	return a.API.AllOrganizationMembers(ctx, api.ListOrganizationMembersParams{OrganizationID: orgID})
}

// RemoveMember removes a member (by membership id) from their organization.
func (a *App) RemoveMember(ctx context.Context, memberID string) (*Member, error) {
	return a.API.RemoveOrganizationMember(ctx, memberID)
}
