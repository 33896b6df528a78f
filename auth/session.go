package auth

import (
	"context"
	"errors"
	"net/http"
	"path/filepath"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// Options configure a Session; the CLI (internal/cmdutil) builds them from the configuration.
type Options struct {
	ClientID, AuthURL string
	ProfileDir        string // the lock file and the insecure token file live here
	Profile           string // names the keychain item (with a hash of ProfileDir outside the default config dir)
	InsecureStorage   bool
	EnvToken          string // PANEL_TOKEN: a ready access token, never refreshed or stored
	Organization      string // this process's organization (external id); "" = the stored default
	HTTPClient        *http.Client
	// ProjectHeader gives the x-koyeb-project-id value for an organization ("" = send none). It is asked
	// with the organization of the token actually sent, so a project never travels with another org's token.
	ProjectHeader func(orgExternalID string) string
	// CallbackPort is the loopback port of every browser sign-in (0: a random one): the port of the
	// redirect URI registered in WorkOS (a profile's callback_port).
	CallbackPort int
}

// Session is one profile's WorkOS session. It is safe for concurrent use.
type Session struct {
	opts     Options
	wos      *workos
	store    tokenStore // nil with PANEL_TOKEN
	cache    storeCache // what this process knows of store (storeio.go)
	lockPath string
	now      func() time.Time
	flight   singleflight.Group

	mu     sync.Mutex
	org    string // this process's organization once known
	pinned bool
	access map[string]*accessToken // per organization, in memory
	// revoked: this process saw the server revoke the session, so "no session"
	// from now on says revoked, whichever caller asks first (B10).
	revoked bool
}

// Info describes the session without any network call.
type Info struct {
	UserID, Email         string
	OrganizationID        string // this process's organization (external id), "" = none
	DefaultOrganizationID string // the stored default organization
	SessionID             string
	ExpiresAt             time.Time // the current access token's expiry (zero when none is held)
	Storage               string    // StorageKeyring, StorageFile or StorageEnv
	StorageReason         string
}

// NewSession prepares a session; it touches neither the keychain nor the network.
func NewSession(o Options) (*Session, error) {
	if o.EnvToken == "" && o.ClientID == "" {
		return nil, errors.New("no WorkOS client ID configured")
	}
	if o.EnvToken == "" && o.ProfileDir == "" {
		return nil, errors.New("no profile directory configured")
	}
	if o.Profile == "" {
		o.Profile = "default"
	}
	hc := o.HTTPClient
	if hc == nil {
		hc = &http.Client{Timeout: 30 * time.Second}
	}
	s := &Session{opts: o, wos: newWorkOS(o.ClientID, o.AuthURL, hc), now: time.Now,
		access: map[string]*accessToken{}}
	if o.Organization != "" {
		s.org, s.pinned = o.Organization, true
	}
	if o.EnvToken != "" {
		return s, nil
	}
	s.lockPath = filepath.Join(o.ProfileDir, "session.lock")
	if o.InsecureStorage {
		s.store = fileStore{path: filepath.Join(o.ProfileDir, tokenFileName)}
	} else {
		s.store = keyringStore{item: keychainItem(o.Profile, o.ProfileDir)}
	}
	return s, nil
}

// Info reports who is signed in, from storage alone. ErrLoginRequired when nobody is.
func (s *Session) Info(ctx context.Context) (Info, error) {
	if s.opts.EnvToken != "" {
		return s.envInfo()
	}
	var sum *summary
	fromSummary := false
	if s.store.kind() == StorageKeyring { // only keychain writes leave one (the token file is read as it is)
		sum, fromSummary = readSummary(s.lockPath, s.store.reason()) // the last write's: no keychain read (summary.go)
	}
	var rec *record
	var err error
	if fromSummary {
		rec = sum.record()
	} else if rec, err = s.loadRecord(); err != nil {
		return Info{}, err
	}
	if rec == nil {
		return Info{}, ErrLoginRequired // who is signed in: nobody, whatever the cause
	}
	org := s.orgFor(rec)
	in := Info{UserID: rec.UserID, Email: rec.Email, OrganizationID: org, DefaultOrganizationID: rec.OrganizationID,
		SessionID: rec.SessionID, Storage: s.store.kind(), StorageReason: s.store.reason()}
	at := s.remembered(org)
	if exp, ok := sum.expiry(org); at == nil && fromSummary && ok {
		at = &accessToken{Token: "-", ExpiresAt: exp, SessionID: sum.SessionID}
	}
	if at == nil {
		at, _ = s.loadAccess(org)
	}
	if at != nil && at.SessionID == rec.SessionID {
		in.ExpiresAt = at.ExpiresAt
	}
	return in, nil
}

func (s *Session) envInfo() (Info, error) {
	c, err := parseClaims(s.opts.EnvToken)
	if err != nil {
		return Info{}, errors.New("PANEL_TOKEN is not a WorkOS access token (a JWT with exp)")
	}
	return Info{UserID: c.Subject, OrganizationID: c.OrganizationID, DefaultOrganizationID: c.OrganizationID,
		SessionID: c.SessionID, ExpiresAt: c.ExpiresAt, Storage: StorageEnv,
		StorageReason: "PANEL_TOKEN is set: a ready access token from the environment, never stored or refreshed"}, nil
}

// orgFor is this process's organization: pinned (--organization-id, or a switch in this process), else the
// stored default, which is then pinned so that another terminal's switch does not move this one.
func (s *Session) orgFor(rec *record) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.pinned {
		s.org, s.pinned = rec.OrganizationID, true
	}
	return s.org
}

func (s *Session) pin(org string) {
	s.mu.Lock()
	s.org, s.pinned = org, true
	s.mu.Unlock()
}

func (s *Session) remember(org string, at *accessToken) {
	s.mu.Lock()
	s.access[org] = at
	s.mu.Unlock()
}

func (s *Session) remembered(org string) *accessToken {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.access[org]
}

// forget drops every token held in memory (sign-out, refused refresh).
func (s *Session) forget() {
	s.mu.Lock()
	s.access = map[string]*accessToken{}
	s.mu.Unlock()
}

// currentOrg is the pinned organization, if any yet.
func (s *Session) currentOrg() (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.org, s.pinned
}

// MarkRevoked records that the server revoked the session (a 403 on the
// session check): later calls that find no session return ErrSessionRevoked
// instead of ErrLoginRequired, so a request racing the sign-out reports the
// real cause. A new sign-in clears it.
func (s *Session) MarkRevoked() { s.setRevoked(true) }

func (s *Session) setRevoked(v bool) {
	s.mu.Lock()
	s.revoked = v
	s.mu.Unlock()
}

// noSession is the error for "no stored session".
func (s *Session) noSession() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.revoked {
		return ErrSessionRevoked
	}
	return ErrLoginRequired
}
