package api

import (
	"context"
	"net/http"
	"net/url"
)

// GetCurrentUser returns the signed-in user's profile.
func (c *Client) GetCurrentUser(ctx context.Context) (*User, error) {
	var r struct {
		User User `json:"user"`
	}
	err := c.read(ctx, call{op: "GetCurrentUser", method: http.MethodGet, path: "/v1/account/profile"}, &r)
	if err != nil {
		return nil, err
	}
	return &r.User, nil
}

// GetCurrentOrganization returns the organization of the token. It is also
// the session check (B10): IsSessionRevoked on 403, and 404 for a token
// without organization (B23).
func (c *Client) GetCurrentOrganization(ctx context.Context) (*Organization, error) {
	var r struct {
		Organization Organization `json:"organization"`
	}
	err := c.read(ctx, call{op: "GetCurrentOrganization", method: http.MethodGet, path: PathCurrentOrganization}, &r)
	if err != nil {
		return nil, err
	}
	return &r.Organization, nil
}

// ListUserOrganizations returns a page of the user's organizations (has_next style).
func (c *Client) ListUserOrganizations(ctx context.Context, p ListUserOrganizationsParams) (*ListUserOrganizationsReply, error) {
	var r ListUserOrganizationsReply
	err := c.read(ctx, call{op: "ListUserOrganizations", method: http.MethodGet, path: "/v1/account/organizations", query: p.query()}, &r)
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// ListUserOrganizationInvitations returns a page of invitations the user received.
func (c *Client) ListUserOrganizationInvitations(ctx context.Context, p ListUserOrganizationInvitationsParams) (*ListOrganizationInvitationsReply, error) {
	var r ListOrganizationInvitationsReply
	err := c.read(ctx, call{op: "ListUserOrganizationInvitations", method: http.MethodGet,
		path: "/v1/account/organization_invitations", query: p.query()}, &r)
	if err != nil {
		return nil, err
	}
	return &r, nil
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
	var r struct {
		Invitation OrganizationInvitation `json:"invitation"`
	}
	var err error
	if k.method == http.MethodGet {
		err = c.read(ctx, k, &r)
	} else {
		err = c.write(ctx, k, &r)
	}
	if err != nil {
		return nil, err
	}
	return &r.Invitation, nil
}
