package api

import (
	"context"
	"net/http"
	"net/url"
)

// ListProjects returns a page of the current organization's projects
// (short-page style).
func (c *Client) ListProjects(ctx context.Context, p ListProjectsParams) (*ListProjectsReply, error) {
	var r ListProjectsReply
	err := c.read(ctx, call{op: "ListProjects", method: http.MethodGet, path: "/v1/projects", query: p.query()}, &r)
	if err != nil {
		return nil, err
	}
	return &r, nil
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

func (c *Client) project(ctx context.Context, k call) (*Project, error) {
	var r struct {
		Project Project `json:"project"`
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
	return &r.Project, nil
}
