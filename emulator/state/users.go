package state

import (
	"strings"
	"time"
)

// User is a person who can sign in. Password is the seed's plain text (an emulator, not a vault).
type User struct {
	ID            string
	Email         string
	FirstName     string
	LastName      string
	Password      string
	Locked        bool
	EmailVerified bool
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// Name is "First Last", or the email when both are empty.
func (u User) Name() string {
	n := strings.TrimSpace(u.FirstName + " " + u.LastName)
	if n == "" {
		return u.Email
	}
	return n
}

// Users returns every user in seed order, then sign-up order.
func (s *State) Users() []User {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]User, 0, len(s.userOrder))
	for _, id := range s.userOrder {
		out = append(out, *s.users[id])
	}
	return out
}

// FirstUser is who default-mode sign-in picks without a login_hint.
func (s *State) FirstUser() (User, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.userOrder) == 0 {
		return User{}, false
	}
	return *s.users[s.userOrder[0]], true
}

// User returns the user with that id.
func (s *State) User(id string) (User, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.users[id]
	if !ok {
		return User{}, false
	}
	return *u, true
}

// UserByEmail finds a user by email, case-insensitively.
func (s *State) UserByEmail(email string) (User, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.userByEmail(email)
	if u == nil {
		return User{}, false
	}
	return *u, true
}

func (s *State) userByEmail(email string) *User {
	email = strings.ToLower(strings.TrimSpace(email))
	for _, id := range s.userOrder {
		if s.users[id].Email == email {
			return s.users[id]
		}
	}
	return nil
}

// CreateUser signs up a new user; ErrAlreadyExists when the email is taken.
func (s *State) CreateUser(email, password, firstName, lastName string) (User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	email = strings.ToLower(strings.TrimSpace(email))
	if s.userByEmail(email) != nil {
		return User{}, ErrAlreadyExists
	}
	now := s.now().UTC()
	u := &User{ID: WorkOSID("user", ""), Email: email, FirstName: firstName, LastName: lastName,
		Password: password, EmailVerified: true, CreatedAt: now, UpdatedAt: now}
	s.users[u.ID] = u
	s.userOrder = append(s.userOrder, u.ID)
	return *u, nil
}

// CheckPassword returns the user when email and password match, else ErrInvalidPassword.
func (s *State) CheckPassword(email, password string) (User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.userByEmail(email)
	if u == nil || u.Password != password {
		return User{}, ErrInvalidPassword
	}
	return *u, nil
}

// SetUserLocked locks or unlocks an account (the API half answers 403 "Account is locked").
func (s *State) SetUserLocked(email string, locked bool) (User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.userByEmail(email)
	if u == nil {
		return User{}, ErrNotFound
	}
	u.Locked = locked
	u.UpdatedAt = s.now().UTC()
	return *u, nil
}
