package api

import (
	"context"
	"net/http"
	"net/url"
)

// ListProjects returns a page of the current organization's projects
// (short-page style).
func (c *Client) ListProjects(ctx context.Context, p ListProjectsParams) (*ListProjectsReply, error) {
	return fetch[ListProjectsReply](ctx, c, call{op: "ListProjects", method: http.MethodGet, path: "/v1/projects", query: p.query()})
}

// GetProject returns a project by id (404 if it is not of the token's organization).
func (c *Client) GetProject(ctx context.Context, id string) (*Project, error) {
	return c.project(ctx, call{op: "GetProject", method: http.MethodGet, path: "/v1/projects/" + url.PathEscape(id)})
}

// CreateProjectRequest is the body of CreateProject.
type CreateProjectRequest struct {
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
}

// CreateProject creates a project in the current organization.
func (c *Client) CreateProject(ctx context.Context, p CreateProjectRequest) (*Project, error) {
	return c.project(ctx, call{op: "CreateProject", method: http.MethodPost, path: "/v1/projects", body: p})
}

// project runs a call whose answer is {"project": ...}.
func (c *Client) project(ctx context.Context, k call) (*Project, error) {
	type envelope struct {
		Project Project `json:"project"`
	}
	return fetchField(ctx, c, k, func(r *envelope) *Project { return &r.Project })
}
