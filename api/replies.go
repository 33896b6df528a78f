package api

// Replies of the list operations, with the pagination fields of their style
// (see pagination.go).

// ListUserOrganizationsReply is a page of the user's organizations (has_next style).
type ListUserOrganizationsReply struct {
	Organizations []Organization `json:"organizations"`
	Limit         int64          `json:"limit,omitempty"`
	Offset        int64          `json:"offset,omitempty"`
	HasNext       bool           `json:"has_next,omitempty"`
}

// ListOrganizationMembersReply is a page of members (count style).
type ListOrganizationMembersReply struct {
	Members []OrganizationMember `json:"members"`
	Limit   int64                `json:"limit,omitempty"`
	Offset  int64                `json:"offset,omitempty"`
	Count   int64                `json:"count,omitempty"`
}

// ListOrganizationInvitationsReply is a page of invitations (count style),
// sent by the current organization or received by the user.
type ListOrganizationInvitationsReply struct {
	Invitations []OrganizationInvitation `json:"invitations"`
	Limit       int64                    `json:"limit,omitempty"`
	Offset      int64                    `json:"offset,omitempty"`
	Count       int64                    `json:"count,omitempty"`
}

// ListProjectsReply is a page of projects (short-page style: no count, no has_next).
type ListProjectsReply struct {
	Projects []Project `json:"projects"`
	Limit    int64     `json:"limit,omitempty"`
	Offset   int64     `json:"offset,omitempty"`
}

// DiscourseAuthReply carries the signed Discourse SSO payload.
type DiscourseAuthReply struct {
	SSO string `json:"sso,omitempty"`
	Sig string `json:"sig,omitempty"`
}

// QueryLogsReply is a page of past log lines.
type QueryLogsReply struct {
	Data       []LogEntry               `json:"data"`
	Pagination QueryLogsReplyPagination `json:"pagination"`
}

// QueryLogsReplyPagination tells where the next page of QueryLogs starts.
type QueryLogsReplyPagination struct {
	HasMore   bool `json:"has_more,omitempty"`
	NextStart Time `json:"next_start,omitzero"`
	NextEnd   Time `json:"next_end,omitzero"`
}

// GetMetricsReply holds metric series.
type GetMetricsReply struct {
	Metrics []Metric `json:"metrics"`
}

// Metric is one labelled series.
type Metric struct {
	Labels  map[string]string `json:"labels,omitempty"`
	Samples []Sample          `json:"samples,omitempty"`
}

// Sample is one point of a series.
type Sample struct {
	Timestamp string  `json:"timestamp,omitempty"`
	Value     float64 `json:"value,omitempty"`
}
