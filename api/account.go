package api

import (
	"context"
	"net/http"
	"net/url"
)

// GetCurrentUser returns the signed-in user's profile.
func (c *Client) GetCurrentUser(ctx context.Context) (*User, error) {
	type envelope struct {
		User User `json:"user"`
	}
	return fetchField(ctx, c, call{op: "GetCurrentUser", method: http.MethodGet, path: "/v1/account/profile"},
		func(r *envelope) *User { return &r.User })
}

// GetCurrentOrganization returns the organization of the token. It is also
// the session check (B10): IsSessionRevoked on 403, and 404 for a token
// without organization (B23).
func (c *Client) GetCurrentOrganization(ctx context.Context) (*Organization, error) {
	return c.organization(ctx, call{op: "GetCurrentOrganization", method: http.MethodGet, path: PathCurrentOrganization})
}

// ListUserOrganizations returns a page of the user's organizations (has_next style).
func (c *Client) ListUserOrganizations(ctx context.Context, p ListUserOrganizationsParams) (*ListUserOrganizationsReply, error) {
	return fetch[ListUserOrganizationsReply](ctx, c, call{op: "ListUserOrganizations", method: http.MethodGet,
		path: "/v1/account/organizations", query: p.query()})
}

// ListUserOrganizationInvitations returns a page of invitations the user received.
func (c *Client) ListUserOrganizationInvitations(ctx context.Context, p ListUserOrganizationInvitationsParams) (*ListOrganizationInvitationsReply, error) {
	return fetch[ListOrganizationInvitationsReply](ctx, c, call{op: "ListUserOrganizationInvitations", method: http.MethodGet,
		path: "/v1/account/organization_invitations", query: p.query()})
}

// GetUserOrganizationInvitation returns one invitation the user received.
func (c *Client) GetUserOrganizationInvitation(ctx context.Context, id string) (*OrganizationInvitation, error) {
	return c.invitation(ctx, call{op: "GetUserOrganizationInvitation", method: http.MethodGet,
		path: "/v1/account/organization_invitations/" + url.PathEscape(id)})
}

// AcceptOrganizationInvitation accepts an invitation the user received (the
// caller then switches into its organization, B19).
func (c *Client) AcceptOrganizationInvitation(ctx context.Context, id string) (*OrganizationInvitation, error) {
	return c.invitation(ctx, call{op: "AcceptOrganizationInvitation", method: http.MethodPost,
		path: "/v1/account/organization_invitations/" + url.PathEscape(id) + "/accept"})
}

// DeclineOrganizationInvitation declines an invitation the user received.
func (c *Client) DeclineOrganizationInvitation(ctx context.Context, id string) (*OrganizationInvitation, error) {
	return c.invitation(ctx, call{op: "DeclineOrganizationInvitation", method: http.MethodPost,
		path: "/v1/account/organization_invitations/" + url.PathEscape(id) + "/decline"})
}

// invitation runs a call whose answer is {"invitation": ...}.
func (c *Client) invitation(ctx context.Context, k call) (*OrganizationInvitation, error) {
	type envelope struct {
		Invitation OrganizationInvitation `json:"invitation"`
	}
	return fetchField(ctx, c, k, func(r *envelope) *OrganizationInvitation { return &r.Invitation })
}
