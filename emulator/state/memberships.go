package state

import "time"

// Membership roles and status.
const (
	RoleOwner        = "owner"
	RoleMember       = "member"
	MembershipActive = "ACTIVE"
)

// Membership links a user to an organization (by its UUID).
type Membership struct {
	ID             string
	OrganizationID string
	UserID         string
	Role           string // owner | member
	Status         string // ACTIVE
	JoinedAt       time.Time
	seq            int64
	org            *Organization // OrganizationID's, found once (organizations are changed in place, never replaced)
}

// Memberships returns an organization's memberships in the order they were made.
func (s *State) Memberships(orgIDOrExternalID string) []Membership {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.org(orgIDOrExternalID)
	if o == nil {
		return nil
	}
	return copies(s.byOrg[o.ID])
}

// UserMemberships returns a user's memberships in the order they were made (seed order first).
func (s *State) UserMemberships(userID string) []Membership {
	s.mu.Lock()
	defer s.mu.Unlock()
	return copies(s.byUser[userID])
}

// UserOrganizations returns the organizations the user belongs to, in membership order.
func (s *State) UserOrganizations(userID string) []Organization {
	s.mu.Lock()
	defer s.mu.Unlock()
	ms := s.byUser[userID]
	out := make([]Organization, 0, len(ms))
	for _, m := range ms {
		out = append(out, *s.orgs[m.OrganizationID])
	}
	return out
}

// EachUserOrganization calls fn with each organization the user belongs to, in membership order, until fn
// returns false, without copying them (a page of 100 among 100,000 copies 100): fn must not keep o nor call
// into the state.
func (s *State) EachUserOrganization(userID string, fn func(o *Organization) bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range s.byUser[userID] {
		if m.org == nil {
			m.org = s.orgs[m.OrganizationID]
		}
		if !fn(m.org) {
			return
		}
	}
}

// DefaultOrganization is where a sign-in without organization_id lands: the user's first membership in an
// ACTIVE organization, else the first membership at all; false when the user has none.
func (s *State) DefaultOrganization(userID string) (Organization, bool) {
	orgs := s.UserOrganizations(userID)
	for _, o := range orgs {
		if o.Status == OrganizationActive {
			return o, true
		}
	}
	if len(orgs) > 0 {
		return orgs[0], true
	}
	return Organization{}, false
}

// Membership returns the membership with that id.
func (s *State) Membership(id string) (Membership, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.memberships[id]
	if !ok {
		return Membership{}, false
	}
	return *m, true
}

// MembershipOf returns the user's membership in the organization (by id or external id).
func (s *State) MembershipOf(userID, orgIDOrExternalID string) (Membership, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.membershipOf(userID, orgIDOrExternalID)
	if m == nil {
		return Membership{}, false
	}
	return *m, true
}

func (s *State) membershipOf(userID, orgIDOrExternalID string) *Membership {
	o := s.org(orgIDOrExternalID)
	if o == nil {
		return nil
	}
	for _, m := range s.byUser[userID] {
		if m.OrganizationID == o.ID {
			return m
		}
	}
	return nil
}

// AddMembership makes the user a member of the organization; an existing membership is returned unchanged.
func (s *State) AddMembership(orgIDOrExternalID, userID, role string) (Membership, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.org(orgIDOrExternalID)
	if o == nil || s.users[userID] == nil {
		return Membership{}, ErrNotFound
	}
	if m := s.membershipOf(userID, o.ID); m != nil {
		return *m, nil
	}
	return *s.addMembership(o.ID, userID, role), nil
}

func (s *State) addMembership(orgID, userID, role string) *Membership {
	return s.insertMembership(&Membership{ID: UUID(""), OrganizationID: orgID, UserID: userID, Role: role,
		Status: MembershipActive, JoinedAt: s.now().UTC()})
}

func (s *State) insertMembership(m *Membership) *Membership {
	m.seq = s.nextSeq()
	s.memberships[m.ID] = m
	s.byUser[m.UserID] = append(s.byUser[m.UserID], m)
	s.byOrg[m.OrganizationID] = append(s.byOrg[m.OrganizationID], m)
	return m
}

func (s *State) deleteMembership(m *Membership) {
	delete(s.memberships, m.ID)
	s.byUser[m.UserID] = without(s.byUser[m.UserID], m)
	s.byOrg[m.OrganizationID] = without(s.byOrg[m.OrganizationID], m)
}

func without(ms []*Membership, gone *Membership) []*Membership {
	out := ms[:0:0]
	for _, m := range ms {
		if m != gone {
			out = append(out, m)
		}
	}
	return out
}

// RemoveMembership deletes a membership by id: the user loses access to that organization at once.
func (s *State) RemoveMembership(id string) (Membership, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.memberships[id]
	if !ok {
		return Membership{}, ErrNotFound
	}
	s.deleteMembership(m)
	return *m, nil
}

// RemoveUserFromOrganization deletes the user's membership in the organization (by id or external id).
func (s *State) RemoveUserFromOrganization(userID, orgIDOrExternalID string) (Membership, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.membershipOf(userID, orgIDOrExternalID)
	if m == nil {
		return Membership{}, ErrNotFound
	}
	s.deleteMembership(m)
	return *m, nil
}

// copies returns the values of ps, so that callers never hold the state's own records.
func copies[T any](ps []*T) []T {
	out := make([]T, 0, len(ps))
	for _, p := range ps {
		out = append(out, *p)
	}
	return out
}
