package store

import "time"

// SchemaVersion is the version of state.json this code writes.
const SchemaVersion = 1

// maxRecent bounds the recent organizations list.
const maxRecent = 10

// State is the content of state.json. Organizations are keyed by their
// external_id (the org_id claim of tokens).
type State struct {
	Version              int               `json:"version"`
	CurrentProjects      map[string]string `json:"current_projects,omitempty"` // org external_id → project id
	PreviousOrganization string            `json:"previous_organization,omitempty"`
	RecentOrganizations  []string          `json:"recent_organizations,omitempty"` // most recent first
	PinnedOrganizations  []string          `json:"pinned_organizations,omitempty"`
	Last                 LastKnown         `json:"last_known,omitzero"`
	// ResumeOrganization is the organization a session the user did not end (a revoked one) was in: the
	// next sign-in asks for it. A sign-out the user asked for forgets it.
	ResumeOrganization *Organization `json:"resume_organization,omitempty"`
}

// LastKnown is what the last successful check saw, with the API's field names.
type LastKnown struct {
	User         *User         `json:"user,omitempty"`
	Organization *Organization `json:"organization,omitempty"`
	Project      *Project      `json:"project,omitempty"`
	At           time.Time     `json:"at,omitzero"`
}

// User is the last known signed-in user.
type User struct {
	ID    string `json:"id,omitempty"`
	Email string `json:"email,omitempty"`
	Name  string `json:"name,omitempty"`
}

// Organization is the last known current organization.
type Organization struct {
	ID               string `json:"id,omitempty"`
	ExternalID       string `json:"external_id,omitempty"`
	Name             string `json:"name,omitempty"`
	Status           string `json:"status,omitempty"`
	DefaultProjectID string `json:"default_project_id,omitempty"`
}

// Project is the last known current project.
type Project struct {
	ID             string `json:"id,omitempty"`
	Name           string `json:"name,omitempty"`
	OrganizationID string `json:"organization_id,omitempty"`
}

// CurrentProject is the project chosen in the organization ("" if none).
func (s *State) CurrentProject(orgExternalID string) string {
	return s.CurrentProjects[orgExternalID]
}

// SetCurrentProject chooses the organization's current project ("" forgets it).
func (s *State) SetCurrentProject(orgExternalID, projectID string) {
	if orgExternalID == "" {
		return
	}
	if projectID == "" {
		delete(s.CurrentProjects, orgExternalID)
		return
	}
	if s.CurrentProjects == nil {
		s.CurrentProjects = map[string]string{}
	}
	s.CurrentProjects[orgExternalID] = projectID
}

// RecordSwitch notes a switch from one organization to another: from becomes
// the previous organization, to goes first in the recent list.
func (s *State) RecordSwitch(from, to string) {
	if from != "" && from != to {
		s.PreviousOrganization = from
	}
	if to == "" {
		return
	}
	recent := []string{to}
	for _, id := range s.RecentOrganizations {
		if id != to && len(recent) < maxRecent {
			recent = append(recent, id)
		}
	}
	s.RecentOrganizations = recent
}

// Pin adds an organization to the pinned list; Unpin removes it.
func (s *State) Pin(orgExternalID string) {
	for _, id := range s.PinnedOrganizations {
		if id == orgExternalID {
			return
		}
	}
	s.PinnedOrganizations = append(s.PinnedOrganizations, orgExternalID)
}

// Unpin removes an organization from the pinned list.
func (s *State) Unpin(orgExternalID string) {
	kept := s.PinnedOrganizations[:0]
	for _, id := range s.PinnedOrganizations {
		if id != orgExternalID {
			kept = append(kept, id)
		}
	}
	s.PinnedOrganizations = kept
}

// IsPinned reports whether the organization is pinned.
func (s *State) IsPinned(orgExternalID string) bool {
	for _, id := range s.PinnedOrganizations {
		if id == orgExternalID {
			return true
		}
	}
	return false
}

// ForgetOrganization drops everything kept about an organization the user
// left or lost (its current project, its place in recents, pins, previous).
func (s *State) ForgetOrganization(orgExternalID string) {
	delete(s.CurrentProjects, orgExternalID)
	s.Unpin(orgExternalID)
	kept := s.RecentOrganizations[:0]
	for _, id := range s.RecentOrganizations {
		if id != orgExternalID {
			kept = append(kept, id)
		}
	}
	s.RecentOrganizations = kept
	if s.PreviousOrganization == orgExternalID {
		s.PreviousOrganization = ""
	}
	if s.Last.Organization != nil && s.Last.Organization.ExternalID == orgExternalID {
		s.Last = LastKnown{User: s.Last.User, At: s.Last.At}
	}
	if s.ResumeOrganization != nil && s.ResumeOrganization.ExternalID == orgExternalID {
		s.ResumeOrganization = nil
	}
}

// ForgetProject drops a project from every organization that had it as
// current (the API said it is gone or not theirs).
func (s *State) ForgetProject(projectID string) {
	for org, id := range s.CurrentProjects {
		if id == projectID {
			delete(s.CurrentProjects, org)
		}
	}
	if s.Last.Project != nil && s.Last.Project.ID == projectID {
		s.Last.Project = nil
	}
}
