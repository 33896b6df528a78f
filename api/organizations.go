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

func (c *Client) organization(ctx context.Context, k call) (*Organization, error) {
	var r struct {
		Organization Organization `json:"organization"`
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
	return &r.Organization, nil
}

// ListOrganizationMembers returns a page of members (count style).
func (c *Client) ListOrganizationMembers(ctx context.Context, p ListOrganizationMembersParams) (*ListOrganizationMembersReply, error) {
	var r ListOrganizationMembersReply
	err := c.read(ctx, call{op: "ListOrganizationMembers", method: http.MethodGet, path: "/v1/organization_members", query: p.query()}, &r)
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// RemoveOrganizationMember removes a membership (also how a user leaves).
func (c *Client) RemoveOrganizationMember(ctx context.Context, id string) (*OrganizationMember, error) {
	var r struct {
		Member OrganizationMember `json:"member"`
	}
	err := c.write(ctx, call{op: "RemoveOrganizationMember", method: http.MethodDelete,
		path: "/v1/organization_members/" + url.PathEscape(id)}, &r)
	if err != nil {
		return nil, err
	}
	return &r.Member, nil
}

// ListOrganizationInvitations returns a page of invitations the current
// organization sent (count style).
func (c *Client) ListOrganizationInvitations(ctx context.Context, p ListOrganizationInvitationsParams) (*ListOrganizationInvitationsReply, error) {
	var r ListOrganizationInvitationsReply
	err := c.read(ctx, call{op: "ListOrganizationInvitations", method: http.MethodGet,
		path: "/v1/organization_invitations", query: p.query()}, &r)
	if err != nil {
		return nil, err
	}
	return &r, nil
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
