package app

import (
	"context"
	"strings"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/store"
)

// PendingInvitations is what the invitation lists show unless asked for
// other statuses (B18, B19).
var PendingInvitations = []api.InvitationStatus{api.InvitationPending}

func orPending(statuses []api.InvitationStatus) []api.InvitationStatus {
	if len(statuses) == 0 {
		return PendingInvitations
	}
	return statuses
}

// ReceivedInvitations lists the invitations the user received with these
// statuses, the pending ones when none is given (B19).
func (a *App) ReceivedInvitations(ctx context.Context, statuses ...api.InvitationStatus) ([]api.OrganizationInvitation, error) {
	invs, err := a.API.AllUserOrganizationInvitations(ctx, api.ListUserOrganizationInvitationsParams{Statuses: orPending(statuses)})
	if err == nil {
		a.rememberInvitations(store.NamesReceivedInvitations, "", invs, statuses)
	}
	return invs, err
}

// SentInvitations lists the invitations the current organization sent with
// these statuses, the pending ones when none is given (B18).
func (a *App) SentInvitations(ctx context.Context, statuses ...api.InvitationStatus) ([]api.OrganizationInvitation, error) {
	invs, err := a.API.AllOrganizationInvitations(ctx, api.ListOrganizationInvitationsParams{Statuses: orPending(statuses)})
	if err == nil {
		if org, oerr := a.currentOrgID(ctx); oerr == nil && org != "" {
			a.rememberInvitations(store.NamesSentInvitations, org, invs, statuses)
		}
	}
	return invs, err
}

// InvitationID reads the invitation a user pasted: its id, or a link whose
// ?invitation= (invitation_id=, id=) parameter or last path segment is the
// id (B19: an invitation is accepted from its link). "" when there is none.
func InvitationID(pasted string) string {
	pasted = strings.TrimSpace(pasted)
	if !strings.Contains(pasted, "/") {
		return pasted
	}
	if path, query, ok := strings.Cut(pasted, "?"); ok {
		for _, kv := range strings.Split(query, "&") {
			k, v, _ := strings.Cut(kv, "=")
			if (k == "invitation" || k == "invitation_id" || k == "id") && v != "" {
				return v
			}
		}
		pasted = path
	}
	parts := strings.Split(strings.TrimRight(pasted, "/"), "/")
	return parts[len(parts)-1]
}
