package app

import (
	"fmt"
	"slices"
	"strings"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/store"
)

// The lists the user saw are remembered by name (store's names.json), so that shell completion offers
// projects, services, members and invitations with no network, and a command given a name finds its id
// without listing first. Remembering is best effort: a store failure costs a round trip later, nothing more.

// rememberNames keeps one whole list of a kind in a scope (an organization's external id, a project's id, or
// "" for the user's own).
func (a *App) rememberNames(kind, scope string, names []store.Name) {
	_ = a.Store.RememberNames(kind, scope, names)
}

func (a *App) rememberProjects(org string, projects []api.Project) {
	names := make([]store.Name, 0, len(projects))
	for _, p := range projects {
		names = append(names, store.Name{ID: p.ID, Name: p.Name})
	}
	a.rememberNames(store.NamesProjects, org, names)
}

func (a *App) rememberServices(ps *ProjectServices) {
	if ps == nil || ps.Project == nil {
		return
	}
	names := make([]store.Name, 0, len(ps.Services))
	for _, s := range ps.Services {
		names = append(names, store.Name{ID: s.ID, Name: s.Name, Note: ps.AppName(s)})
	}
	a.rememberNames(store.NamesServices, ps.Project.ID, names)
}

func (a *App) rememberMembers(org string, members []Member) {
	names := make([]store.Name, 0, len(members))
	for _, m := range members {
		if m.User != nil && m.User.Email != "" {
			role := "member"
			if m.Role == api.RoleOwner {
				role = "owner"
			}
			names = append(names, store.Name{ID: m.ID, Name: m.User.Email, Note: role})
		}
	}
	a.rememberNames(store.NamesMembers, org, names)
}

// rememberInvitations keeps the pending ones: those are what resend, revoke, accept and decline act on.
// Sent invitations are named by email, received ones by their organization's name.
func (a *App) rememberInvitations(kind, scope string, invs []Invitation, statuses []InvitationStatus) {
	if !slices.Contains(orPending(statuses), api.InvitationPending) {
		return
	}
	var names []store.Name
	for _, i := range invs {
		if i.Status != api.InvitationPending {
			continue
		}
		name := i.Email
		if kind == store.NamesReceivedInvitations {
			name = ""
			if i.Organization != nil {
				name = i.Organization.Name
			}
		}
		if name != "" {
			names = append(names, store.Name{ID: i.ID, Name: name})
		}
	}
	a.rememberNames(kind, scope, names)
}

// AmbiguousNameError is a name that several things answer to; the caller lists them (or asks which).
type AmbiguousNameError struct {
	What       string // "invitation", "member", …
	Query      string
	Candidates []store.Name
}

func (e *AmbiguousNameError) Error() string {
	return fmt.Sprintf("%q matches %d %ss", e.Query, len(e.Candidates), e.What)
}

// matchName finds query among names by id or by name (any case): the id, "" when nothing matches, or an
// *AmbiguousNameError.
func matchName(what, query string, names []store.Name) (string, error) {
	var hits []store.Name
	for _, n := range names {
		if n.ID == query {
			return n.ID, nil
		}
		if strings.EqualFold(n.Name, query) {
			hits = append(hits, n)
		}
	}
	switch len(hits) {
	case 0:
		return "", nil
	case 1:
		return hits[0].ID, nil
	}
	return "", &AmbiguousNameError{What: what, Query: query, Candidates: hits}
}

// Kinds of remembered names (completion's sources), for callers that do not reach the store themselves.
const (
	NamesProjects            = store.NamesProjects
	NamesServices            = store.NamesServices
	NamesMembers             = store.NamesMembers
	NamesSentInvitations     = store.NamesSentInvitations
	NamesReceivedInvitations = store.NamesReceivedInvitations
)
