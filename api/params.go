package api

import (
	"net/url"
	"strconv"
	"time"
)

// MaxLimit is the largest page the API serves.
const MaxLimit = 100

// Page selects a page: Limit 0 lets the server choose; above MaxLimit is
// clamped to MaxLimit.
type Page struct {
	Limit  int
	Offset int
}

func (p Page) encode(q url.Values) {
	if p.Limit > 0 {
		q.Set("limit", strconv.Itoa(min(p.Limit, MaxLimit)))
	}
	if p.Offset > 0 {
		q.Set("offset", strconv.Itoa(p.Offset))
	}
}

// ListUserOrganizationsParams filter GET /v1/account/organizations.
type ListUserOrganizationsParams struct {
	Page
	Order    string // e.g. "asc" / "desc"
	Search   string
	Statuses []OrganizationStatus
}

func (p ListUserOrganizationsParams) query() url.Values {
	q := url.Values{}
	p.Page.encode(q)
	set(q, "order", p.Order)
	set(q, "search", p.Search)
	addAll(q, "statuses", p.Statuses)
	return q
}

// ListOrganizationMembersParams filter GET /v1/organization_members.
type ListOrganizationMembersParams struct {
	Page
	OrganizationID       string
	UserID               string
	OrganizationStatuses []OrganizationStatus
}

func (p ListOrganizationMembersParams) query() url.Values {
	q := url.Values{}
	p.Page.encode(q)
	set(q, "organization_id", p.OrganizationID)
	set(q, "user_id", p.UserID)
	addAll(q, "organization_statuses", p.OrganizationStatuses)
	return q
}

// ListOrganizationInvitationsParams filter GET /v1/organization_invitations.
type ListOrganizationInvitationsParams struct {
	Page
	Statuses []InvitationStatus
	UserID   string
}

func (p ListOrganizationInvitationsParams) query() url.Values {
	q := url.Values{}
	p.Page.encode(q)
	addAll(q, "statuses", p.Statuses)
	set(q, "user_id", p.UserID)
	return q
}

// ListUserOrganizationInvitationsParams filter GET /v1/account/organization_invitations.
type ListUserOrganizationInvitationsParams struct {
	Page
	Statuses []InvitationStatus
}

func (p ListUserOrganizationInvitationsParams) query() url.Values {
	q := url.Values{}
	p.Page.encode(q)
	addAll(q, "statuses", p.Statuses)
	return q
}

// ListProjectsParams filter GET /v1/projects.
type ListProjectsParams struct {
	Page
	Name string
}

func (p ListProjectsParams) query() url.Values {
	q := url.Values{}
	p.Page.encode(q)
	set(q, "name", p.Name)
	return q
}

// LogsFilter selects log lines (TailLogs and QueryLogs). At least one of
// AppID, ServiceID, DeploymentID, RegionalDeploymentID or InstanceIDs is needed.
type LogsFilter struct {
	Type                 string // "build" or "runtime" (server default)
	AppID                string
	ServiceID            string
	DeploymentID         string
	RegionalDeploymentID string
	InstanceIDs          []string
	Streams              []string // "stdout", "stderr"
	Regions              []string
	Regex                string
	Text                 string
}

func (f LogsFilter) encode(q url.Values) {
	set(q, "type", f.Type)
	set(q, "app_id", f.AppID)
	set(q, "service_id", f.ServiceID)
	set(q, "deployment_id", f.DeploymentID)
	set(q, "regional_deployment_id", f.RegionalDeploymentID)
	addAll(q, "instance_ids", f.InstanceIDs)
	addAll(q, "streams", f.Streams)
	addAll(q, "regions", f.Regions)
	set(q, "regex", f.Regex)
	set(q, "text", f.Text)
}

// TailLogsParams select the live log stream. The API replays the lines
// since Start (its default: 24 hours ago), at most Limit of them (its default
// and most: 1000; 0 reads as the default), then follows new lines.
type TailLogsParams struct {
	LogsFilter
	Start time.Time // replay the lines since this time; zero sends no start
	Limit int       // replay at most this many; above MaxTailLimit is clamped
}

func (p TailLogsParams) query() url.Values {
	q := url.Values{}
	p.LogsFilter.encode(q)
	if !p.Start.IsZero() {
		q.Set("start", p.Start.UTC().Format(time.RFC3339Nano))
	}
	q.Set("limit", strconv.Itoa(min(max(p.Limit, 0), MaxTailLimit)))
	return q
}

// QueryLogsParams select past log lines.
type QueryLogsParams struct {
	LogsFilter
	Start, End string // RFC 3339
	Order      string // "asc" or "desc"
	Limit      int
}

func (p QueryLogsParams) query() url.Values {
	q := url.Values{}
	p.LogsFilter.encode(q)
	set(q, "start", p.Start)
	set(q, "end", p.End)
	set(q, "order", p.Order)
	if p.Limit > 0 {
		q.Set("limit", strconv.Itoa(p.Limit))
	}
	return q
}

// GetMetricsParams select a metric series.
type GetMetricsParams struct {
	ServiceID, InstanceID string
	Name                  string // e.g. CPU_TOTAL_PERCENT
	Start, End, Step      string
}

func (p GetMetricsParams) query() url.Values {
	q := url.Values{}
	set(q, "service_id", p.ServiceID)
	set(q, "instance_id", p.InstanceID)
	set(q, "name", p.Name)
	set(q, "start", p.Start)
	set(q, "end", p.End)
	set(q, "step", p.Step)
	return q
}

// addAll adds every value under key (a repeated query parameter).
func addAll[S ~string](q url.Values, key string, values []S) {
	for _, v := range values {
		q.Add(key, string(v))
	}
}

func set(q url.Values, key, value string) {
	if value != "" {
		q.Set(key, value)
	}
}
