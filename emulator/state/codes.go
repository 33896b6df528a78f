package state

import "time"

// Lifetimes of one-time credentials.
const (
	AuthorizationCodeLifetime     = 10 * time.Minute
	PendingAuthenticationLifetime = 10 * time.Minute
)

// AuthorizationCode is issued by the authorize endpoint and redeemed once at authenticate.
type AuthorizationCode struct {
	Code                 string
	ClientID             string
	UserID               string
	OrganizationID       string // external id, "" = decide at exchange (default organization)
	RedirectURI          string
	CodeChallenge        string // S256 challenge, "" when none was sent
	AuthenticationMethod string
	ExpiresAt            time.Time
}

// CreateAuthorizationCode stores c with a fresh code and a 10-minute life, and returns it.
func (s *State) CreateAuthorizationCode(c AuthorizationCode) AuthorizationCode {
	s.mu.Lock()
	defer s.mu.Unlock()
	c.Code = RandomToken(20)
	c.ExpiresAt = s.now().Add(AuthorizationCodeLifetime)
	cp := c
	s.codes[c.Code] = &cp
	return c
}

// RedeemAuthorizationCode consumes a code: a second attempt gets ErrInvalidToken, a late one ErrExpired.
func (s *State) RedeemAuthorizationCode(code string) (AuthorizationCode, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.codes[code]
	if !ok {
		return AuthorizationCode{}, ErrInvalidToken
	}
	delete(s.codes, code)
	if !s.now().Before(c.ExpiresAt) {
		return AuthorizationCode{}, ErrExpired
	}
	return *c, nil
}

// PendingAuthentication is a signed-in user who still has to choose an organization
// (organization_selection_required); the token is redeemed once with the organization-selection grant.
type PendingAuthentication struct {
	Token                string
	UserID               string
	AuthenticationMethod string
	ExpiresAt            time.Time
}

// CreatePendingAuthentication stores a pending authentication for the user and returns it.
func (s *State) CreatePendingAuthentication(userID, method string) PendingAuthentication {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := PendingAuthentication{Token: RandomToken(20), UserID: userID, AuthenticationMethod: method,
		ExpiresAt: s.now().Add(PendingAuthenticationLifetime)}
	cp := p
	s.pending[p.Token] = &cp
	return p
}

// RedeemPendingAuthentication consumes a pending authentication token for a chosen organization (external
// id). ErrNotMember leaves the token usable, so the user can choose again.
func (s *State) RedeemPendingAuthentication(token, orgExternalID string) (PendingAuthentication, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.pending[token]
	if !ok {
		return PendingAuthentication{}, ErrInvalidToken
	}
	if !s.now().Before(p.ExpiresAt) {
		delete(s.pending, token)
		return PendingAuthentication{}, ErrExpired
	}
	if s.membershipOf(p.UserID, orgExternalID) == nil {
		return PendingAuthentication{}, ErrNotMember
	}
	delete(s.pending, token)
	return *p, nil
}

// PendingAuthentication looks a live pending authentication up without consuming it.
func (s *State) PendingAuthentication(token string) (PendingAuthentication, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.pending[token]
	if !ok || !s.now().Before(p.ExpiresAt) {
		return PendingAuthentication{}, false
	}
	return *p, true
}
