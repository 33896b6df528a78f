package state

import "time"

// Project belongs to one organization (by its UUID).
type Project struct {
	ID             string
	OrganizationID string
	Name           string
	Description    string
	ServiceCount   int64
	CreatedAt      time.Time
	UpdatedAt      time.Time
	seq            int64
}

// Projects returns an organization's projects (by id or external id) in creation order.
func (s *State) Projects(orgIDOrExternalID string) []Project {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.org(orgIDOrExternalID)
	if o == nil {
		return nil
	}
	return copies(s.orgProjects[o.ID])
}

// Project returns the project with that id, whatever its organization.
func (s *State) Project(id string) (Project, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.projects[id]
	if !ok {
		return Project{}, false
	}
	return *p, true
}

// CreateProject adds a project to an organization; ErrAlreadyExists when the name is taken there.
func (s *State) CreateProject(orgIDOrExternalID, name, description string) (Project, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.org(orgIDOrExternalID)
	if o == nil {
		return Project{}, ErrNotFound
	}
	for _, p := range s.orgProjects[o.ID] {
		if p.Name == name {
			return Project{}, ErrAlreadyExists
		}
	}
	return *s.addProject(o.ID, name, description), nil
}

func (s *State) addProject(orgID, name, description string) *Project {
	now := s.now().UTC()
	return s.insertProject(&Project{ID: UUID(""), OrganizationID: orgID, Name: name, Description: description,
		CreatedAt: now, UpdatedAt: now})
}

func (s *State) insertProject(p *Project) *Project {
	p.seq = s.nextSeq()
	s.projects[p.ID] = p
	s.orgProjects[p.OrganizationID] = append(s.orgProjects[p.OrganizationID], p)
	return p
}
