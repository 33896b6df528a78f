package api

import (
	"context"
	"net/http"
	"net/url"
)

// ListAppsParams filter GET /v1/apps.
type ListAppsParams struct {
	Page
	Name      string
	ProjectID string
}

func (p ListAppsParams) query() url.Values {
	q := url.Values{}
	p.Page.encode(q)
	set(q, "name", p.Name)
	set(q, "project_id", p.ProjectID)
	return q
}

// ListServicesParams filter GET /v1/services.
type ListServicesParams struct {
	Page
	AppID     string
	ProjectID string
	Name      string
	Types     []ServiceType
	Statuses  []ServiceStatus
	Regions   []string
}

func (p ListServicesParams) query() url.Values {
	q := url.Values{}
	p.Page.encode(q)
	set(q, "app_id", p.AppID)
	set(q, "project_id", p.ProjectID)
	set(q, "name", p.Name)
	addAll(q, "types", p.Types)
	addAll(q, "statuses", p.Statuses)
	addAll(q, "regions", p.Regions)
	return q
}

// ListInstancesParams filter GET /v1/instances.
type ListInstancesParams struct {
	Page
	AppID     string
	ServiceID string
	Statuses  []InstanceStatus
	Order     string // "asc" or "desc"
}

func (p ListInstancesParams) query() url.Values {
	q := url.Values{}
	p.Page.encode(q)
	set(q, "app_id", p.AppID)
	set(q, "service_id", p.ServiceID)
	addAll(q, "statuses", p.Statuses)
	set(q, "order", p.Order)
	return q
}

// ListAppsReply is a page of apps (count and has_next).
type ListAppsReply struct {
	Apps    []App `json:"apps"`
	Limit   int64 `json:"limit,omitempty"`
	Offset  int64 `json:"offset,omitempty"`
	Count   int64 `json:"count,omitempty"`
	HasNext bool  `json:"has_next,omitempty"`
}

// ListServicesReply is a page of services (count and has_next).
type ListServicesReply struct {
	Services []Service `json:"services"`
	Limit    int64     `json:"limit,omitempty"`
	Offset   int64     `json:"offset,omitempty"`
	Count    int64     `json:"count,omitempty"`
	HasNext  bool      `json:"has_next,omitempty"`
}

// ListInstancesReply is a page of instances (count style).
type ListInstancesReply struct {
	Instances []Instance `json:"instances"`
	Limit     int64      `json:"limit,omitempty"`
	Offset    int64      `json:"offset,omitempty"`
	Count     int64      `json:"count,omitempty"`
	Order     string     `json:"order,omitempty"`
}

// ListApps returns a page of the current organization's apps.
func (c *Client) ListApps(ctx context.Context, p ListAppsParams) (*ListAppsReply, error) {
	return fetch[ListAppsReply](ctx, c, call{op: "ListApps", method: http.MethodGet, path: "/v1/apps", query: p.query()})
}

// ListServices returns a page of the current organization's services.
func (c *Client) ListServices(ctx context.Context, p ListServicesParams) (*ListServicesReply, error) {
	return fetch[ListServicesReply](ctx, c, call{op: "ListServices", method: http.MethodGet, path: "/v1/services", query: p.query()})
}

// GetService returns a service by id (404 if it is not of the token's organization).
func (c *Client) GetService(ctx context.Context, id string) (*Service, error) {
	type envelope struct {
		Service Service `json:"service"`
	}
	return fetchField(ctx, c, call{op: "GetService", method: http.MethodGet, path: "/v1/services/" + url.PathEscape(id)},
		func(r *envelope) *Service { return &r.Service })
}

// ListInstances returns a page of instances (of a service, with ServiceID).
func (c *Client) ListInstances(ctx context.Context, p ListInstancesParams) (*ListInstancesReply, error) {
	return fetch[ListInstancesReply](ctx, c, call{op: "ListInstances", method: http.MethodGet, path: "/v1/instances", query: p.query()})
}

// AllApps returns every app matching p (p.Page is ignored).
func (c *Client) AllApps(ctx context.Context, p ListAppsParams) ([]App, error) {
	return CollectCountedHasNext(ctx, func(ctx context.Context, page Page) ([]App, int64, bool, error) {
		p.Page = page
		r, err := c.ListApps(ctx, p)
		if err != nil {
			return nil, 0, false, err
		}
		return r.Apps, r.Count, r.HasNext, nil
	})
}

// AllServices returns every service matching p (p.Page is ignored).
func (c *Client) AllServices(ctx context.Context, p ListServicesParams) ([]Service, error) {
	return CollectCountedHasNext(ctx, func(ctx context.Context, page Page) ([]Service, int64, bool, error) {
		p.Page = page
		r, err := c.ListServices(ctx, p)
		if err != nil {
			return nil, 0, false, err
		}
		return r.Services, r.Count, r.HasNext, nil
	})
}

// AllInstances returns every instance matching p (p.Page is ignored).
func (c *Client) AllInstances(ctx context.Context, p ListInstancesParams) ([]Instance, error) {
	return CollectCounted(ctx, func(ctx context.Context, page Page) ([]Instance, int64, error) {
		p.Page = page
		r, err := c.ListInstances(ctx, p)
		if err != nil {
			return nil, 0, err
		}
		return r.Instances, r.Count, nil
	})
}
