// Package state is the emulator's in-memory data set shared by the WorkOS half and the control-panel API half:
// users, organizations, memberships, invitations, projects, sessions with rotating refresh tokens, authorization
// codes and device codes. Every access goes through methods that hold one mutex and return copies, so handlers
// never share memory with each other.
package state

import (
	"crypto/rand"
	"crypto/sha1" //nolint:gosec // stable ids derived from seed keys, not security
	"encoding/base32"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"time"
)

// Errors returned by state methods; handlers map them to the wire.
var (
	ErrNotFound        = errors.New("not found")
	ErrAlreadyExists   = errors.New("already exists")
	ErrNotMember       = errors.New("organization membership not found")
	ErrTokenUsed       = errors.New("refresh token already exchanged")
	ErrInvalidToken    = errors.New("invalid token")
	ErrSessionRevoked  = errors.New("session revoked")
	ErrExpired         = errors.New("expired")
	ErrPending         = errors.New("authorization pending")
	ErrSlowDown        = errors.New("slow down")
	ErrDenied          = errors.New("access denied")
	ErrInvalidPassword = errors.New("invalid credentials")
)

// Settings are the seed-wide values.
type Settings struct {
	ClientID                      string
	OrganizationSelectionRequired bool
	// SelectionGrantNeedsSecret refuses the organization-selection grant to a client that sends no
	// client_secret, as WorkOS's spec says (a public client, like panel, is always refused).
	SelectionGrantNeedsSecret bool
	DiscourseSSOSecret        string
	CannyPrivateKey           string
	LogMessages               []string // what generated log lines say (nil: the API half's own)
}

// State holds the data set. The zero value is not usable; call New.
type State struct {
	mu  sync.Mutex
	now func() time.Time
	seq int64 // creation order, so lists come back in a stable order

	settings      Settings
	users         map[string]*User // by id
	userOrder     []string
	orgs          map[string]*Organization // by id
	orgByExternal map[string]string        // external_id → id
	memberships   map[string]*Membership   // by id
	byUser        map[string][]*Membership // user id → memberships in creation order
	byOrg         map[string][]*Membership // organization id → memberships in creation order
	orgProjects   map[string][]*Project    // organization id → projects in creation order
	invitations   map[string]*Invitation   // by id
	projects      map[string]*Project      // by id
	apps          map[string]*App          // by id
	services      map[string]*Service      // by id
	instances     map[string][]Instance    // service id → its instances
	sessions      map[string]*Session      // by id
	refreshTokens map[string]*refreshToken // by token
	codes         map[string]*AuthorizationCode
	pending       map[string]*PendingAuthentication
	deviceCodes   map[string]*DeviceCode // by device_code
}

// Now is the state's clock (time.Now unless SetClock changed it).
func (s *State) Now() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.now()
}

// SetClock replaces the clock, so tests can move past expiry without sleeping. nil restores time.Now.
func (s *State) SetClock(now func() time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if now == nil {
		now = time.Now
	}
	s.now = now
}

// Settings returns the seed-wide values.
func (s *State) Settings() Settings {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.settings
}

// SetSelectionGrantNeedsSecret turns the refusal of a keyless organization-selection grant on or off.
func (s *State) SetSelectionGrantNeedsSecret(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settings.SelectionGrantNeedsSecret = on
}

// SetOrganizationSelectionRequired turns the 403 organization_selection_required answer on or off.
func (s *State) SetOrganizationSelectionRequired(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settings.OrganizationSelectionRequired = on
}

func (s *State) nextSeq() int64 {
	s.seq++
	return s.seq
}

// RandomToken returns n random bytes as lowercase hex (opaque tokens and codes).
func RandomToken(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return hex.EncodeToString(b)
}

var crockford = base32.NewEncoding("0123456789ABCDEFGHJKMNPQRSTVWXYZ").WithPadding(base32.NoPadding)

// WorkOSID returns a WorkOS-style id: prefix + "_" + 26 Crockford base32 characters (like a ULID).
// With a key it is derived from it (stable across runs), else random.
func WorkOSID(prefix, key string) string {
	var b []byte
	if key == "" {
		b = make([]byte, 17)
		_, _ = rand.Read(b)
	} else {
		h := sha1.Sum([]byte(prefix + ":" + key)) //nolint:gosec // a stable id, not security
		b = h[:17]
	}
	return prefix + "_" + crockford.EncodeToString(b)[:26]
}

// UUID returns a version-4-shaped UUID, derived from key when given (stable across runs), else random.
func UUID(key string) string {
	var b [16]byte
	if key == "" {
		_, _ = rand.Read(b[:])
	} else {
		h := sha1.Sum([]byte(key)) //nolint:gosec // a stable id, not security
		copy(b[:], h[:16])
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
