package app

import "context"

// What a user does with one invitation: the current organization sends,
// resends and revokes (B18); the invited user reads and declines (B19;
// accepting switches, AcceptInvitation).

// SendInvitation invites email to the current organization.
func (a *App) SendInvitation(ctx context.Context, email string) (*Invitation, error) {
	return a.API.CreateOrganizationInvitation(ctx, email)
}

// ResendInvitation sends a pending invitation of the current organization again.
func (a *App) ResendInvitation(ctx context.Context, id string) (*Invitation, error) {
	return a.API.ResendOrganizationInvitation(ctx, id)
}

// RevokeInvitation withdraws an invitation of the current organization.
func (a *App) RevokeInvitation(ctx context.Context, id string) error {
	return a.API.DeleteOrganizationInvitation(ctx, id)
}

// ReceivedInvitation reads one invitation the user received.
func (a *App) ReceivedInvitation(ctx context.Context, id string) (*Invitation, error) {
	return a.API.GetUserOrganizationInvitation(ctx, id)
}

// DeclineInvitation declines an invitation the user received.
func (a *App) DeclineInvitation(ctx context.Context, id string) (*Invitation, error) {
	return a.API.DeclineOrganizationInvitation(ctx, id)
}
