package auth

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// LoginOptions shape a sign-in (browser or device).
type LoginOptions struct {
	SignUp         bool          // screen_hint=sign-up
	Email          string        // login_hint
	OrganizationID string        // sign in to this organization (external id)
	Next           string        // where to land afterwards (B4), carried in state
	Timeout        time.Duration // how long to wait for the user; 0 = 5 minutes
	// Reauthenticate asks AuthKit to sign in again (prompt=login) instead of reusing the browser's
	// session: how someone signed in there can sign in as someone else.
	Reauthenticate bool
	// CallbackPort fixes the loopback callback's port (0: Options.CallbackPort, else a random one), for a
	// WorkOS whose redirect URI is registered with its port: http://127.0.0.1:<port>/callback.
	CallbackPort int
}

// DefaultLoginTimeout is how long a sign-in waits for the browser or the device approval.
const DefaultLoginTimeout = 5 * time.Minute

func (o LoginOptions) timeout() time.Duration {
	if o.Timeout > 0 {
		return o.Timeout
	}
	return DefaultLoginTimeout
}

// Result is a finished sign-in.
type Result struct {
	Info Info
	Next string
	// AskedOrganization is the organization the sign-in asked for (external id, "" = none): when
	// Info.OrganizationID differs, WorkOS put the user elsewhere and the caller says so (B28).
	AskedOrganization string
	// StoredAt is when the tokens were safely stored (for the callback-to-storage measurement).
	StoredAt time.Time
}

// checkCanSignIn refuses with PANEL_TOKEN or a WorkOS URL that may not carry credentials, and surfaces a
// keychain problem, before the user goes through the browser for nothing.
func (s *Session) checkCanSignIn() error {
	if s.opts.EnvToken != "" {
		return ErrTokenFromEnvironment
	}
	if err := s.wos.checkURL(s.wos.endpoint); err != nil {
		return err // the code would have to go there
	}
	_, err := s.store.loadRecord()
	var kerr *KeychainError
	if errors.As(err, &kerr) {
		return err
	}
	return nil
}

// ChooseOrganization finishes a sign-in that needed an organization chosen (B3a) with the
// organization-selection grant. A *RefusedError means this client may not use that grant: sign in through
// the browser again with LoginOptions.OrganizationID = orgID.
func (s *Session) ChooseOrganization(ctx context.Context, sel *OrganizationSelectionRequired, orgID string) (*Result, error) {
	if orgID == "" {
		return nil, errors.New("no organization chosen")
	}
	return settle(ctx, s.exchangeTimeout(), func(ctx context.Context) (*Result, error) {
		stored := s.storedAhead()
		res, err := s.wos.authenticate(ctx, grantOrganizationSelection, map[string]string{
			"pending_authentication_token": sel.PendingToken, "organization_id": orgID})
		if err != nil {
			return nil, err
		}
		return s.saveLogin(ctx, res, sel.Next, orgID, stored)
	})
}

// storedAhead starts reading the stored session while a sign-in's code exchange is in flight (a keychain
// read takes milliseconds, which the sign-in would otherwise add after the exchange). The function returned,
// called under the session lock, gives that read if the lock file's stamp is still the one read before it
// (no process wrote since), else reads the store again.
func (s *Session) storedAhead() func() *record {
	type read struct {
		stamp string
		rec   *record
		err   error
	}
	ch := make(chan read, 1)
	go func() {
		stamp, _ := readStamp(s.lockPath) // no lock file yet: "", as a lock file no write stamped
		rec, err := s.store.loadRecord()
		ch <- read{stamp, rec, err}
	}()
	return func() *record {
		r := <-ch
		if now, _ := readStamp(s.lockPath); r.err == nil && now == r.stamp {
			return r.rec
		}
		rec, _ := s.store.loadRecord()
		return rec
	}
}

// saveLogin stores a fresh sign-in in place of whatever was stored, and ends the replaced server session.
// stored gives what was stored (storedAhead; nil: read it here). The new session is written first, its record
// and access token at once (saveSession); the replaced session's other access tokens are deleted after.
func (s *Session) saveLogin(ctx context.Context, res *authResponse, next, asked string, stored func() *record) (*Result, error) {
	s.setRevoked(false)
	at, c, err := accessFromResponse(res, s.now())
	if err != nil {
		return nil, err
	}
	rec := &record{Version: recordVersion, RefreshToken: res.RefreshToken, SessionID: c.SessionID,
		UserID: res.User.ID, Email: res.User.Email, OrganizationID: c.OrganizationID, SignedInAt: s.now().UTC(),
		AccessOrgs: []string{c.OrganizationID}}
	if rec.UserID == "" {
		rec.UserID = c.Subject
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return nil, err
	}
	var old *record
	if stored != nil {
		old = stored()
	} else {
		old, _ = s.store.loadRecord()
	}
	if err := s.saveSession(rec, c.OrganizationID, at); err != nil {
		unlock()
		return nil, fmt.Errorf("signed in, but the session could not be stored: %w", err)
	}
	storedAt := time.Now()
	if _, whole := s.store.(wholeStore); old != nil && !whole { // the token file is written whole: they went with it
		for _, o := range old.AccessOrgs {
			if o != c.OrganizationID { // that one is the new session's now
				_ = s.deleteAccess(o)
			}
		}
	}
	unlock()
	s.forget()
	s.pin(c.OrganizationID)
	s.remember(c.OrganizationID, at)
	if old != nil && old.SessionID != "" && old.SessionID != rec.SessionID {
		_ = s.endServerSession(ctx, old.SessionID) // --force: the replaced session should not linger
	}
	info, err := s.Info(ctx)
	if err != nil {
		return nil, err
	}
	return &Result{Info: info, Next: next, AskedOrganization: asked, StoredAt: storedAt}, nil
}
