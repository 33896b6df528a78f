package state

import "strings"

// Provisioning for the control-panel API half behind another WorkOS (--jwks-url): tokens there name users
// and organizations this data set has never seen, as the real control panel provisions them on first use.
// (Written by E2 for emulator/controlpanel.)

// ProvisionUser returns the user with that id, creating it first when unknown. WorkOS access tokens carry
// no email, so a new user gets a placeholder one under the reserved .invalid domain.
func (s *State) ProvisionUser(id string) User {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u, ok := s.users[id]; ok {
		return *u
	}
	now := s.now().UTC()
	u := &User{ID: id, Email: strings.ToLower(id) + "@workos-user.invalid", FirstName: "WorkOS", LastName: "user",
		EmailVerified: true, CreatedAt: now, UpdatedAt: now}
	s.users[id] = u
	s.userOrder = append(s.userOrder, id)
	return *u
}

// ProvisionOrganization returns the organization with that external id, creating it first when unknown:
// active, named after the external id, with a default project and userID as a member with role.
func (s *State) ProvisionOrganization(externalID, userID, role string) (Organization, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if o := s.org(externalID); o != nil {
		return *o, nil
	}
	if s.users[userID] == nil {
		return Organization{}, ErrNotFound
	}
	if role != RoleOwner {
		role = RoleMember
	}
	now := s.now().UTC()
	org := &Organization{ID: UUID("organization:" + externalID), ExternalID: externalID, Name: strings.ToLower(externalID),
		Status: OrganizationActive, Plan: "hobby", CreatedAt: now, UpdatedAt: now, seq: s.nextSeq()}
	s.orgs[org.ID] = org
	s.orgByExternal[externalID] = org.ID
	org.DefaultProjectID = s.addProject(org.ID, "default", "Default project").ID
	s.addMembership(org.ID, userID, role)
	return *org, nil
}
