package app

import (
	"context"
	"slices"
	"strings"

	"github.com/panel-dev/panel/api"
)

// OrganizationSummary is what the switcher shows and switches with: an
// organization without its billing, address and trial fields, so that a
// list of 100,000 stays small.
type OrganizationSummary struct {
	ID, ExternalID, Name string
	Status               OrganizationStatus
	DefaultProjectID     string
	text                 string // Name + " " + ExternalID, which they are cut from (Summarize)
}

// Summarize keeps o's summary. Its strings share one allocation (a row
// costs 2 instead of 6), the status is one of the constants.
func Summarize(o Organization) OrganizationSummary {
	var b strings.Builder
	b.Grow(len(o.Name) + 1 + len(o.ExternalID) + len(o.ID) + len(o.DefaultProjectID))
	for _, part := range []string{o.Name, " ", o.ExternalID, o.ID, o.DefaultProjectID} {
		b.WriteString(part)
	}
	all := b.String()
	cut := func(n int) string {
		part := all[:n]
		all = all[n:]
		return part
	}
	text := all[:len(o.Name)+1+len(o.ExternalID)]
	s := OrganizationSummary{text: text, Name: cut(len(o.Name))}
	cut(1)
	s.ExternalID, s.ID, s.DefaultProjectID = cut(len(o.ExternalID)), cut(len(o.ID)), cut(len(o.DefaultProjectID))
	s.Status = o.Status
	if i := slices.Index(knownStatuses, o.Status); i >= 0 {
		s.Status = knownStatuses[i] // the constant: the decoded copy is let go
	}
	return s
}

var knownStatuses = []OrganizationStatus{api.OrganizationActive, api.OrganizationWarning, api.OrganizationLocked,
	api.OrganizationDeactivating, api.OrganizationDeactivated, api.OrganizationDeleting, api.OrganizationDeleted}

// FilterText is what the switcher's filter matches: the name and the
// external id.
func (s OrganizationSummary) FilterText() string {
	if s.text != "" {
		return s.text
	}
	return s.Name + " " + s.ExternalID
}

// Organization is the summary as an organization to switch to (what a
// switch reads of it).
func (s OrganizationSummary) Organization() Organization {
	return Organization{ID: s.ID, ExternalID: s.ExternalID, Name: s.Name, Status: s.Status,
		DefaultProjectID: s.DefaultProjectID}
}

// OrganizationWalk reads the user's organizations several pages at a time
// (api.WalkHasNext), in the server's order. Nobody reading it stops it.
type OrganizationWalk struct {
	w *api.PageWalk[OrganizationSummary]
}

// OrganizationBatch is the pages that arrived in order since the last Next.
type OrganizationBatch struct {
	Organizations []OrganizationSummary
	Offset        int  // where the first of them is in the list
	Next          int  // where the page after them starts: resume there after an error
	Done          bool // every page is in
}

// WalkOrganizations starts walking the organizations matching q from
// q.Offset; each page is summarized as it arrives.
func (a *App) WalkOrganizations(ctx context.Context, q OrganizationQuery) *OrganizationWalk {
	return &OrganizationWalk{w: api.WalkHasNext(ctx, a.API.WalkOptions("ListUserOrganizations", q.Offset),
		func(ctx context.Context, p api.Page) ([]OrganizationSummary, bool, error) {
			page, err := a.ListOrganizations(ctx, OrganizationQuery{Search: q.Search, Statuses: q.Statuses, Offset: p.Offset})
			if err != nil {
				return nil, false, err
			}
			out := make([]OrganizationSummary, len(page.Organizations))
			for i, o := range page.Organizations {
				out[i] = Summarize(o)
			}
			return out, page.More, nil
		})}
}

// Next waits for the next pages in order. An error comes after the pages
// before the one that failed; the walk is then over.
func (w *OrganizationWalk) Next(ctx context.Context) (OrganizationBatch, error) {
	b, err := w.w.Next(ctx)
	return OrganizationBatch{Organizations: b.Items, Offset: b.Offset, Next: b.Next, Done: b.Done}, err
}
