package state

import (
	"sort"
	"strings"
	"time"
)

// Invitation statuses.
const (
	InvitationPending  = "PENDING"
	InvitationAccepted = "ACCEPTED"
	InvitationRefused  = "REFUSED"
	InvitationExpired  = "EXPIRED"
)

// InvitationLifetime is how long a new or resent invitation stays pending.
const InvitationLifetime = 7 * 24 * time.Hour

// Invitation is sent by an organization (by its UUID) to an email address.
type Invitation struct {
	ID             string
	OrganizationID string
	InviterID      string
	Email          string
	Role           string
	Status         string // reads as EXPIRED once a PENDING invitation's ExpiresAt has passed
	ExpiresAt      time.Time
	CreatedAt      time.Time
	seq            int64
}

// Invitations returns the invitations an organization sent, oldest first.
func (s *State) Invitations(orgIDOrExternalID string) []Invitation {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.org(orgIDOrExternalID)
	if o == nil {
		return nil
	}
	return s.sortedInvitations(func(i *Invitation) bool { return i.OrganizationID == o.ID })
}

// ReceivedInvitations returns the invitations sent to an email, oldest first.
func (s *State) ReceivedInvitations(email string) []Invitation {
	s.mu.Lock()
	defer s.mu.Unlock()
	email = strings.ToLower(strings.TrimSpace(email))
	return s.sortedInvitations(func(i *Invitation) bool { return i.Email == email })
}

// Invitation returns the invitation with that id.
func (s *State) Invitation(id string) (Invitation, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i, ok := s.invitations[id]
	if !ok {
		return Invitation{}, false
	}
	return s.view(i), true
}

// CreateInvitation sends a pending invitation; ErrAlreadyExists when one is already pending for that email.
func (s *State) CreateInvitation(orgIDOrExternalID, inviterID, email, role string) (Invitation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.org(orgIDOrExternalID)
	if o == nil {
		return Invitation{}, ErrNotFound
	}
	email = strings.ToLower(strings.TrimSpace(email))
	for _, i := range s.invitations {
		if i.OrganizationID == o.ID && i.Email == email && s.view(i).Status == InvitationPending {
			return Invitation{}, ErrAlreadyExists
		}
	}
	if role == "" {
		role = RoleMember
	}
	now := s.now().UTC()
	i := &Invitation{ID: UUID(""), OrganizationID: o.ID, InviterID: inviterID, Email: email, Role: role,
		Status: InvitationPending, ExpiresAt: now.Add(InvitationLifetime), CreatedAt: now, seq: s.nextSeq()}
	s.invitations[i.ID] = i
	return *i, nil
}

// ResendInvitation makes the invitation pending again with a fresh expiry.
func (s *State) ResendInvitation(id string) (Invitation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i, ok := s.invitations[id]
	if !ok {
		return Invitation{}, ErrNotFound
	}
	i.Status = InvitationPending
	i.ExpiresAt = s.now().UTC().Add(InvitationLifetime)
	return *i, nil
}

// DeleteInvitation revokes an invitation.
func (s *State) DeleteInvitation(id string) (Invitation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i, ok := s.invitations[id]
	if !ok {
		return Invitation{}, ErrNotFound
	}
	delete(s.invitations, id)
	return s.view(i), nil
}

// AcceptInvitation accepts a pending invitation addressed to the user and creates the membership.
// ErrNotFound when it is not the user's; ErrExpired when it is no longer pending.
func (s *State) AcceptInvitation(id, userID string) (Invitation, Membership, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i, err := s.pendingFor(id, userID)
	if err != nil {
		return Invitation{}, Membership{}, err
	}
	i.Status = InvitationAccepted
	m := s.membershipOf(userID, i.OrganizationID)
	if m == nil {
		m = s.addMembership(i.OrganizationID, userID, i.Role)
	}
	return *i, *m, nil
}

// DeclineInvitation sets a pending invitation addressed to the user to REFUSED.
func (s *State) DeclineInvitation(id, userID string) (Invitation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i, err := s.pendingFor(id, userID)
	if err != nil {
		return Invitation{}, err
	}
	i.Status = InvitationRefused
	return *i, nil
}

func (s *State) pendingFor(id, userID string) (*Invitation, error) {
	i, ok := s.invitations[id]
	u := s.users[userID]
	if !ok || u == nil || u.Email != i.Email {
		return nil, ErrNotFound
	}
	if s.view(i).Status != InvitationPending {
		return nil, ErrExpired
	}
	return i, nil
}

// view is the invitation as readers see it: a pending one past its expiry reads as EXPIRED.
func (s *State) view(i *Invitation) Invitation {
	c := *i
	if c.Status == InvitationPending && !s.now().Before(c.ExpiresAt) {
		c.Status = InvitationExpired
	}
	return c
}

func (s *State) sortedInvitations(keep func(*Invitation) bool) []Invitation {
	var out []Invitation
	for _, i := range s.invitations {
		if keep(i) {
			out = append(out, s.view(i))
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].seq < out[b].seq })
	return out
}
