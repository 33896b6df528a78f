package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/sahilm/fuzzy"

	"github.com/panel-dev/panel/api"
)

// Names are accepted wherever ids are: an organization by external id, id,
// exact name or a fuzzy match of its name, "-" for the previous one; a
// project by id, exact name or fuzzy match. Several matches are the caller's
// to choose from (a prompt on a terminal, a list otherwise).

// ErrNoPreviousOrganization is `-` before any switch in this profile.
var ErrNoPreviousOrganization = errors.New("no previous organization in this profile yet")

// OrganizationMatch is the organization a name, id or `-` resolved to.
// Local: it came from the organizations last seen, without asking the
// server, so it may be stale (SwitchTo checks it when WorkOS refuses it).
type OrganizationMatch struct {
	Organization api.Organization
	Local        bool
}

// AmbiguousOrganizationError is a name that fuzzy-matches several of the
// user's organizations.
type AmbiguousOrganizationError struct {
	Query      string
	Candidates []OrganizationMatch
}

func (e *AmbiguousOrganizationError) Error() string {
	return fmt.Sprintf("%q matches several organizations", e.Query)
}

// OrganizationNotFoundError is a name or id that matches none of the user's
// organizations.
type OrganizationNotFoundError struct{ Query string }

func (e *OrganizationNotFoundError) Error() string {
	return fmt.Sprintf("no organization of yours matches %q", e.Query)
}

// ResolveOrganization finds the organization the user named, without a
// round trip when it can (a switch is then two: the refresh, then the
// organization and its project): `-` is the previous organization; an
// exact external id, id or name among the organizations last seen; an
// external id taken as is (names cannot hold "_"); a fuzzy match of the
// whole list last seen. Only then does it list the organizations on the
// server: exact first, then fuzzy.
func (a *App) ResolveOrganization(ctx context.Context, query string) (*OrganizationMatch, error) {
	if query == "-" {
		st, _ := a.Store.Load()
		if st.PreviousOrganization == "" {
			return nil, ErrNoPreviousOrganization
		}
		query = st.PreviousOrganization
	}
	if o, ok := a.KnownOrganization(query); ok {
		return &OrganizationMatch{Organization: *o, Local: true}, nil
	}
	if strings.HasPrefix(query, "org_") {
		return &OrganizationMatch{Organization: api.Organization{ExternalID: query}, Local: true}, nil
	}
	if known, complete := a.KnownOrganizations(); complete {
		if m, err := matchOrganization(known, query, true); m != nil || err != nil {
			return m, err
		}
	}
	orgs, err := a.UserOrganizations(ctx)
	if err != nil {
		return nil, err
	}
	for _, o := range orgs {
		if o.ExternalID == query || o.ID == query || strings.EqualFold(o.Name, query) {
			return &OrganizationMatch{Organization: o}, nil
		}
	}
	m, err := matchOrganization(orgs, query, false)
	if m == nil && err == nil {
		err = &OrganizationNotFoundError{Query: query}
	}
	return m, err
}

// matchOrganization is the fuzzy match of a name among orgs: nil when none
// matches, the one that does, or an *AmbiguousOrganizationError.
func matchOrganization(orgs []api.Organization, query string, local bool) (*OrganizationMatch, error) {
	names := make([]string, len(orgs))
	for i, o := range orgs {
		names[i] = o.Name
	}
	matches := fuzzy.Find(query, names)
	switch len(matches) {
	case 0:
		return nil, nil
	case 1:
		return &OrganizationMatch{Organization: orgs[matches[0].Index], Local: local}, nil
	}
	amb := &AmbiguousOrganizationError{Query: query}
	for _, m := range matches {
		amb.Candidates = append(amb.Candidates, OrganizationMatch{Organization: orgs[m.Index], Local: local})
	}
	return nil, amb
}

// AmbiguousProjectError is a name that fuzzy-matches several projects.
type AmbiguousProjectError struct {
	Query      string
	Candidates []api.Project
}

func (e *AmbiguousProjectError) Error() string {
	return fmt.Sprintf("%q matches several projects", e.Query)
}

// ProjectNotFoundError is a name or id that matches no project of the
// current organization.
type ProjectNotFoundError struct{ Query string }

func (e *ProjectNotFoundError) Error() string { return fmt.Sprintf("no project matches %q", e.Query) }

// MatchProject finds a project by id, exact name, or a single fuzzy match of
// its name.
func MatchProject(projects []api.Project, query string) (*api.Project, error) {
	for i, p := range projects {
		if p.ID == query || strings.EqualFold(p.Name, query) {
			return &projects[i], nil
		}
	}
	names := make([]string, len(projects))
	for i, p := range projects {
		names[i] = p.Name
	}
	matches := fuzzy.Find(query, names)
	switch len(matches) {
	case 0:
		return nil, &ProjectNotFoundError{Query: query}
	case 1:
		return &projects[matches[0].Index], nil
	}
	amb := &AmbiguousProjectError{Query: query}
	for _, m := range matches {
		amb.Candidates = append(amb.Candidates, projects[m.Index])
	}
	return nil, amb
}
