package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/panel-dev/panel/api"
)

// Members lists every member of the organization with this id, or of the
// session's organization when id is "" (one read more to learn it) (B18).
func (a *App) Members(ctx context.Context, orgID string) ([]Member, error) {
	scope := ""
	if orgID == "" {
		org, err := a.API.GetCurrentOrganization(ctx)
		if err != nil {
			return nil, err
		}
		orgID, scope = org.ID, org.ExternalID
	} else if o, ok := a.KnownOrganization(orgID); ok {
		scope = o.ExternalID
	}
	members, err := a.API.AllOrganizationMembers(ctx, api.ListOrganizationMembersParams{OrganizationID: orgID})
	if err == nil && scope != "" {
		a.rememberMembers(scope, members)
	}
	return members, err
}

// ErrRemovingYourself is a removal of the signed-in user's own membership:
// that is leaving the organization (LeaveOrganization), which also moves the
// session out of it.
var ErrRemovingYourself = errors.New("that member is you")

// MemberNotFoundError is a member named by nobody in the organization.
type MemberNotFoundError struct{ Query string }

func (e *MemberNotFoundError) Error() string { return fmt.Sprintf("no member %q", e.Query) }

// FindMember finds a member by membership id, user id or email (any case).
func FindMember(members []Member, query string) (*Member, error) {
	for i := range members {
		m := &members[i]
		if m.ID == query || m.UserID == query || (m.User != nil && strings.EqualFold(m.User.Email, query)) {
			return m, nil
		}
	}
	return nil, &MemberNotFoundError{Query: query}
}

// CanRemove says whether m may be removed (B18): anyone but the signed-in
// user, whose way out is leaving (ErrRemovingYourself).
func (a *App) CanRemove(ctx context.Context, m Member) error {
	in, err := a.Session.Info(ctx)
	if err != nil {
		return err
	}
	if in.UserID != "" && m.UserID == in.UserID {
		return ErrRemovingYourself
	}
	return nil
}

// RemoveMember removes a member from their organization, unless it is the
// signed-in user (CanRemove).
func (a *App) RemoveMember(ctx context.Context, m Member) (*Member, error) {
	if err := a.CanRemove(ctx, m); err != nil {
		return nil, err
	}
	return a.API.RemoveOrganizationMember(ctx, m.ID)
}
