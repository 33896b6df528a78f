package app

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/panel-dev/panel/store"
)

// uuidLike is the shape of the API's ids: a query of that shape is taken as an id.
// Compiled on first use, not at every panel start.
var uuidLike = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
})

// InvitationNotFoundError is a name that no pending invitation answers to.
type InvitationNotFoundError struct {
	Query    string
	Received bool
}

func (e *InvitationNotFoundError) Error() string {
	if e.Received {
		return fmt.Sprintf("no pending invitation of yours is from an organization named %q", e.Query)
	}
	return fmt.Sprintf("no pending invitation of this organization is for %q", e.Query)
}

// SentInvitationID reads what the user typed for an invitation the organization sent: its id, its link, or
// the invitee's email. An email is looked up among the pending invitations last listed, then on the server.
// An *AmbiguousNameError lists several invitations to one email.
func (a *App) SentInvitationID(ctx context.Context, query string) (string, error) {
	query = InvitationID(query)
	if !strings.Contains(query, "@") {
		return query, nil
	}
	org, err := a.currentOrgID(ctx)
	if err != nil {
		return "", err
	}
	return a.resolveInvitation(query, store.NamesSentInvitations, org, func() error {
		_, err := a.SentInvitations(ctx)
		return err
	})
}

// ReceivedInvitationID reads what the user typed for an invitation they received: its id, its link, or the
// name of the organization that invited them, looked up among the pending invitations last listed, then on
// the server.
func (a *App) ReceivedInvitationID(ctx context.Context, query string) (string, error) {
	query = InvitationID(query)
	if uuidLike().MatchString(query) {
		return query, nil
	}
	return a.resolveInvitation(query, store.NamesReceivedInvitations, "", func() error {
		_, err := a.ReceivedInvitations(ctx)
		return err
	})
}

// resolveInvitation matches query among the remembered names; when they don't have it, list (which
// remembers the server's pending invitations) and match again.
func (a *App) resolveInvitation(query, kind, scope string, list func() error) (string, error) {
	if id, err := matchName("invitation", query, a.Store.Names(kind, scope)); id != "" || err != nil {
		return id, err
	}
	if err := list(); err != nil {
		return "", err
	}
	id, err := matchName("invitation", query, a.Store.Names(kind, scope))
	if id == "" && err == nil {
		err = &InvitationNotFoundError{Query: query, Received: kind == store.NamesReceivedInvitations}
	}
	return id, err
}

// CompletionNames are the names shell completion offers for a kind, from the local store alone (no network,
// no keychain): in the organization last known to be current (or org, when given), in its current project
// for services.
func CompletionNames(st *store.Store, kind, org string) []store.Name {
	s, _ := st.Load()
	if org == "" && s.Last.Organization != nil {
		org = s.Last.Organization.ExternalID
	}
	switch kind {
	case store.NamesReceivedInvitations:
		return st.Names(kind, "")
	case store.NamesServices:
		project := s.CurrentProject(org)
		if project == "" && s.Last.Project != nil {
			project = s.Last.Project.ID
		}
		return st.Names(kind, project)
	}
	return st.Names(kind, org)
}

// OrganizationOverride reads this process's organization as given (--organization-id,
// PANEL_ORGANIZATION_ID): an external id as it is, else the name or id of an organization last seen, from
// the local store alone (the app that would ask the server is built with the answer).
func OrganizationOverride(st *store.Store, query string) (string, error) {
	query = strings.TrimSpace(query)
	if query == "" || strings.HasPrefix(query, "org_") {
		return query, nil
	}
	if o, ok := st.FindKnownOrganization(query); ok {
		return o.ExternalID, nil
	}
	return "", &OrganizationNotFoundError{Query: query}
}
