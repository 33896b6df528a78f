package api

import (
	"context"
	"net/http"
	"net/url"
)

// GetOrganization returns an organization by id.
func (c *Client) GetOrganization(ctx context.Context, id string) (*Organization, error) {
	return c.organization(ctx, call{op: "GetOrganization", method: http.MethodGet, path: "/v1/organizations/" + url.PathEscape(id)})
}

// CreateOrganization creates an organization named name (B20; the caller
// checks the name rules first and switches into it after).
func (c *Client) CreateOrganization(ctx context.Context, name string) (*Organization, error) {
	return c.organization(ctx, call{op: "CreateOrganization", method: http.MethodPost, path: "/v1/organizations",
		body: map[string]string{"name": name}})
}

// UpdateOrganizationDefaultProject makes projectID the organization's default project.
func (c *Client) UpdateOrganizationDefaultProject(ctx context.Context, orgID, projectID string) (*Organization, error) {
	return c.organization(ctx, call{op: "UpdateOrganizationDefaultProject", method: http.MethodPut,
		path: "/v1/organizations/" + url.PathEscape(orgID) + "/default_project",
		body: map[string]string{"default_project_id": projectID}})
}

// organization runs a call whose answer is {"organization": ...}.
func (c *Client) organization(ctx context.Context, k call) (*Organization, error) {
	type envelope struct {
		Organization Organization `json:"organization"`
	}
	return fetchField(ctx, c, k, func(r *envelope) *Organization { return &r.Organization })
}

// ListOrganizationMembers returns a page of members (count style).
func (c *Client) ListOrganizationMembers(ctx context.Context, p ListOrganizationMembersParams) (*ListOrganizationMembersReply, error) {
	return fetch[ListOrganizationMembersReply](ctx, c, call{op: "ListOrganizationMembers", method: http.MethodGet,
		path: "/v1/organization_members", query: p.query()})
}

// RemoveOrganizationMember removes a membership (also how a user leaves).
func (c *Client) RemoveOrganizationMember(ctx context.Context, id string) (*OrganizationMember, error) {
	type envelope struct {
		Member OrganizationMember `json:"member"`
	}
	return fetchField(ctx, c, call{op: "RemoveOrganizationMember", method: http.MethodDelete,
		path: "/v1/organization_members/" + url.PathEscape(id)}, func(r *envelope) *OrganizationMember { return &r.Member })
}

// ListOrganizationInvitations returns a page of invitations the current
// organization sent (count style).
func (c *Client) ListOrganizationInvitations(ctx context.Context, p ListOrganizationInvitationsParams) (*ListOrganizationInvitationsReply, error) {
	return fetch[ListOrganizationInvitationsReply](ctx, c, call{op: "ListOrganizationInvitations", method: http.MethodGet,
		path: "/v1/organization_invitations", query: p.query()})
}

// CreateOrganizationInvitation invites email into the current organization.
func (c *Client) CreateOrganizationInvitation(ctx context.Context, email string) (*OrganizationInvitation, error) {
	return c.invitation(ctx, call{op: "CreateOrganizationInvitation", method: http.MethodPost,
		path: "/v1/organization_invitations", body: map[string]string{"email": email}})
}

// GetOrganizationInvitation returns one invitation the current organization sent.
func (c *Client) GetOrganizationInvitation(ctx context.Context, id string) (*OrganizationInvitation, error) {
	return c.invitation(ctx, call{op: "GetOrganizationInvitation", method: http.MethodGet,
		path: "/v1/organization_invitations/" + url.PathEscape(id)})
}

// ResendOrganizationInvitation sends an invitation's email again.
func (c *Client) ResendOrganizationInvitation(ctx context.Context, id string) (*OrganizationInvitation, error) {
	return c.invitation(ctx, call{op: "ResendOrganizationInvitation", method: http.MethodPost,
		path: "/v1/organization_invitations/" + url.PathEscape(id) + "/resend"})
}

// DeleteOrganizationInvitation revokes an invitation.
func (c *Client) DeleteOrganizationInvitation(ctx context.Context, id string) error {
	return c.write(ctx, call{op: "DeleteOrganizationInvitation", method: http.MethodDelete,
		path: "/v1/organization_invitations/" + url.PathEscape(id)}, nil)
}
