package state

import (
	"sort"
	"time"
)

// Organization statuses used by the emulator's rules.
const (
	OrganizationActive      = "ACTIVE"
	OrganizationDeactivated = "DEACTIVATED"
)

// Organization is a tenant. ID is the control panel's UUID; ExternalID is the WorkOS organization id that
// access tokens carry as org_id.
type Organization struct {
	ID               string
	ExternalID       string
	Name             string
	Status           string
	Plan             string
	DefaultProjectID string
	CreatedAt        time.Time
	UpdatedAt        time.Time
	seq              int64
}

// Organizations returns every organization in creation order.
func (s *State) Organizations() []Organization {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Organization, 0, len(s.orgs))
	for _, o := range s.orgs {
		out = append(out, *o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].seq < out[j].seq })
	return out
}

// Organization finds an organization by its id or its external id.
func (s *State) Organization(idOrExternalID string) (Organization, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.org(idOrExternalID)
	if o == nil {
		return Organization{}, false
	}
	return *o, true
}

func (s *State) org(idOrExternalID string) *Organization {
	if o, ok := s.orgs[idOrExternalID]; ok {
		return o
	}
	if id, ok := s.orgByExternal[idOrExternalID]; ok {
		return s.orgs[id]
	}
	return nil
}

// CreateOrganization creates an active organization owned by ownerUserID, with its default project.
// ErrAlreadyExists when the name is taken (names are global, as in the control panel).
func (s *State) CreateOrganization(name, ownerUserID string) (Organization, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.users[ownerUserID]; !ok {
		return Organization{}, ErrNotFound
	}
	for _, o := range s.orgs {
		if o.Name == name {
			return Organization{}, ErrAlreadyExists
		}
	}
	now := s.now().UTC()
	org := &Organization{ID: UUID(""), ExternalID: WorkOSID("org", ""), Name: name, Status: OrganizationActive,
		Plan: "hobby", CreatedAt: now, UpdatedAt: now, seq: s.nextSeq()}
	s.orgs[org.ID] = org
	s.orgByExternal[org.ExternalID] = org.ID
	p := s.addProject(org.ID, "default", "Default project")
	org.DefaultProjectID = p.ID
	s.addMembership(org.ID, ownerUserID, RoleOwner)
	return *org, nil
}

// SetOrganizationStatus changes an organization's status (e.g. DEACTIVATED: the API answers "Token rejected").
func (s *State) SetOrganizationStatus(idOrExternalID, status string) (Organization, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.org(idOrExternalID)
	if o == nil {
		return Organization{}, ErrNotFound
	}
	o.Status = status
	o.UpdatedAt = s.now().UTC()
	return *o, nil
}

// SetDefaultProject makes one of the organization's projects its default.
func (s *State) SetDefaultProject(orgIDOrExternalID, projectID string) (Organization, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.org(orgIDOrExternalID)
	p, ok := s.projects[projectID]
	if o == nil || !ok || p.OrganizationID != o.ID {
		return Organization{}, ErrNotFound
	}
	o.DefaultProjectID = projectID
	o.UpdatedAt = s.now().UTC()
	return *o, nil
}
