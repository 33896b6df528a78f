package state

import (
	"sort"
	"time"
)

// Session is a WorkOS session: what a refresh token and the access tokens' sid claim point at.
type Session struct {
	ID                   string
	UserID               string
	OrganizationID       string // the organization's external id, "" when signed in without one
	AuthenticationMethod string
	Revoked              bool
	CreatedAt            time.Time
	RevokedAt            time.Time
	Refreshes            int // how many refresh tokens were exchanged
	seq                  int64
}

type refreshToken struct {
	sessionID string
	used      bool
}

// CreateSession starts a session and returns it with its first refresh token.
func (s *State) CreateSession(userID, orgExternalID, method string) (Session, string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.users[userID] == nil {
		return Session{}, "", ErrNotFound
	}
	if orgExternalID != "" && s.membershipOf(userID, orgExternalID) == nil {
		return Session{}, "", ErrNotMember
	}
	ss := &Session{ID: WorkOSID("session", ""), UserID: userID, OrganizationID: orgExternalID,
		AuthenticationMethod: method, CreatedAt: s.now().UTC(), seq: s.nextSeq()}
	s.sessions[ss.ID] = ss
	return *ss, s.issueRefreshToken(ss.ID), nil
}

func (s *State) issueRefreshToken(sessionID string) string {
	t := RandomToken(24)
	s.refreshTokens[t] = &refreshToken{sessionID: sessionID}
	return t
}

// RefreshSession exchanges a refresh token for a new one (rotation: each token works once). A non-empty
// orgExternalID moves the session into that organization after checking the membership. Errors:
// ErrInvalidToken (unknown), ErrTokenUsed (exchanged before), ErrSessionRevoked, ErrNotMember (the token
// stays usable, so the caller keeps its session).
func (s *State) RefreshSession(token, orgExternalID string) (Session, string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rt, ok := s.refreshTokens[token]
	if !ok {
		return Session{}, "", ErrInvalidToken
	}
	if rt.used {
		return Session{}, "", ErrTokenUsed
	}
	ss := s.sessions[rt.sessionID]
	if ss.Revoked {
		return Session{}, "", ErrSessionRevoked
	}
	if orgExternalID != "" {
		if s.membershipOf(ss.UserID, orgExternalID) == nil {
			return Session{}, "", ErrNotMember
		}
		ss.OrganizationID = s.org(orgExternalID).ExternalID
	}
	rt.used = true
	ss.Refreshes++
	return *ss, s.issueRefreshToken(ss.ID), nil
}

// Session returns the session with that id.
func (s *State) Session(id string) (Session, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ss, ok := s.sessions[id]
	if !ok {
		return Session{}, false
	}
	return *ss, true
}

// Sessions returns every session, oldest first.
func (s *State) Sessions() []Session {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Session, 0, len(s.sessions))
	for _, ss := range s.sessions {
		out = append(out, *ss)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].seq < out[j].seq })
	return out
}

// RevokeSession ends a session: its refresh tokens stop working and the API rejects its access tokens' sid.
func (s *State) RevokeSession(id string) (Session, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ss, ok := s.sessions[id]
	if !ok {
		return Session{}, ErrNotFound
	}
	if !ss.Revoked {
		ss.Revoked, ss.RevokedAt = true, s.now().UTC()
	}
	return *ss, nil
}

// RevokeUserSessions ends every session of a user and returns how many were still live.
func (s *State) RevokeUserSessions(userID string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, ss := range s.sessions {
		if ss.UserID == userID && !ss.Revoked {
			ss.Revoked, ss.RevokedAt = true, s.now().UTC()
			n++
		}
	}
	return n
}
