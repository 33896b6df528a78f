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
		res, err := s.wos.authenticate(ctx, grantOrganizationSelection, map[string]string{
			"pending_authentication_token": sel.PendingToken, "organization_id": orgID})
		if err != nil {
			return nil, err
		}
		return s.saveLogin(ctx, res, sel.Next, orgID)
	})
}

// saveLogin stores a fresh sign-in in place of whatever was stored, and ends the replaced server session.
func (s *Session) saveLogin(ctx context.Context, res *authResponse, next, asked string) (*Result, error) {
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
	old, _ := s.store.loadRecord()
	if old != nil {
		for _, o := range old.AccessOrgs {
			_ = s.deleteAccess(o)
		}
	}
	if err := s.saveRecord(rec); err != nil {
		unlock()
		return nil, fmt.Errorf("signed in, but the session could not be stored: %w", err)
	}
	_ = s.saveAccess(c.OrganizationID, at)
	unlock()
	storedAt := time.Now()
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
