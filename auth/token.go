package auth

import (
	"context"
	"fmt"
	"time"
)

// Token returns a valid access token for this process's organization, refreshed 10 s before it expires.
// Callers in one process share one refresh; across processes the session lock serializes them, and a
// process that waited re-reads the token the other one stored instead of refreshing again.
func (s *Session) Token(ctx context.Context) (string, error) {
	at, err := s.currentToken(ctx)
	if err != nil {
		return "", err
	}
	return at.Token, nil
}

func (s *Session) currentToken(ctx context.Context) (*accessToken, error) {
	if s.opts.EnvToken != "" {
		return s.envAccess()
	}
	if org, ok := s.currentOrg(); ok {
		if at := s.remembered(org); at.validFor(s.now(), refreshMargin) {
			return at, nil
		}
	}
	return s.shared(ctx, "")
}

// forceRefresh replaces a token the API rejected (401), unless another caller already did.
func (s *Session) forceRefresh(ctx context.Context, rejected string) (*accessToken, error) {
	if s.opts.EnvToken != "" {
		return s.envAccess()
	}
	return s.shared(ctx, rejected)
}

// shared runs one refresh per process at a time; concurrent callers get its result.
func (s *Session) shared(ctx context.Context, rejected string) (*accessToken, error) {
	v, err, _ := s.flight.Do("refresh\x00"+rejected, func() (any, error) { return s.refreshLocked(ctx, rejected) })
	if err != nil {
		return nil, err
	}
	return v.(*accessToken), nil
}

// refreshLocked is the cross-process read-refresh-write. Once the refresh is sent it runs to its end and
// is stored whatever happens to ctx (settle); the session lock is held until then.
func (s *Session) refreshLocked(ctx context.Context, rejected string) (*accessToken, error) {
	unlock, err := s.lock(ctx)
	if err != nil {
		return nil, err
	}
	handedOff := false
	defer func() {
		if !handedOff {
			unlock()
		}
	}()
	rec, err := s.loadRecord()
	if err != nil {
		return nil, err
	}
	if rec == nil {
		s.forget()
		return nil, s.noSession()
	}
	org := s.orgFor(rec)
	at, err := s.loadAccess(org)
	if err != nil {
		return nil, err
	}
	if at.validFor(s.now(), refreshMargin) && at.SessionID == rec.SessionID && at.Token != rejected {
		s.remember(org, at)
		return at, nil
	}
	handedOff = true
	return settle(ctx, s.exchangeTimeout(), func(ctx context.Context) (*accessToken, error) {
		defer unlock()
		return s.refreshWith(ctx, rec, org, false)
	})
}

// refreshWith exchanges rec's refresh token for org's access token (always naming the organization, so
// processes pinned to different organizations share one rotating refresh token) and stores the result
// before anything else can fail: the old refresh token is spent. The caller holds the session lock.
func (s *Session) refreshWith(ctx context.Context, rec *record, org string, makeDefault bool) (*accessToken, error) {
	r, err := s.exchange(ctx, rec, org, makeDefault)
	if err != nil {
		return nil, err
	}
	if err := s.persist(r); err != nil {
		return nil, err
	}
	s.remember(org, r.access)
	return r.access, nil
}

// refreshed is a refresh's outcome before it is stored.
type refreshed struct {
	org     string
	access  *accessToken
	next    *record  // the record to store: the new refresh token
	dropped []string // organizations whose access token item goes (maxAccessItems)
}

// exchange presents rec's refresh token to WorkOS for org's access token. A refused refresh token
// (invalid_grant) clears the stored session it came from.
func (s *Session) exchange(ctx context.Context, rec *record, org string, makeDefault bool) (*refreshed, error) {
	res, err := s.wos.authenticate(ctx, grantRefreshToken, map[string]string{
		"refresh_token": rec.RefreshToken, "organization_id": org})
	if err != nil {
		if isInvalidGrant(err) {
			if newer := s.clearIfUnchanged(rec); newer != nil {
				// This process's copy was older than the store (a write it was not told of): the stored
				// session is the one to present.
				return s.exchange(ctx, newer, org, makeDefault)
			}
			// The refusal is consumed here: wrapped, it would also read as a *RefusedError (a refused switch).
			return nil, fmt.Errorf("%w: WorkOS no longer accepts the stored session (%v)", ErrLoginRequired, err) //nolint:errorlint // above
		}
		return nil, err
	}
	at, c, err := accessFromResponse(res, s.now())
	if err != nil {
		return nil, err
	}
	next := *rec
	next.RefreshToken = res.RefreshToken
	if c.SessionID != "" {
		next.SessionID = c.SessionID
	}
	if makeDefault {
		next.OrganizationID = c.OrganizationID
	}
	var dropped []string
	next.AccessOrgs, dropped = withAccessOrg(rec.AccessOrgs, org)
	return &refreshed{org: org, access: at, next: &next, dropped: dropped}, nil
}

// persist stores a refresh's outcome: the record first (the old refresh token is spent), then the access
// token, best effort (without it the next process refreshes once more). The caller holds the session lock.
func (s *Session) persist(r *refreshed) error {
	if err := s.saveRecord(r.next); err != nil {
		return fmt.Errorf("the session was refreshed but could not be saved, sign in again: %w", err)
	}
	for _, o := range r.dropped {
		_ = s.deleteAccess(o)
	}
	_ = s.saveAccess(r.org, r.access)
	return nil
}

// clearIfUnchanged deletes the stored session only if it still holds the refresh token that was refused
// (compare-and-clear): a newer one stored meanwhile is kept and returned. It reads the store itself, never
// this process's copy.
func (s *Session) clearIfUnchanged(refused *record) (newer *record) {
	s.cache.reset()
	cur, err := s.store.loadRecord()
	if err == nil && cur != nil && !sameSecret(cur.RefreshToken, refused.RefreshToken) {
		return cur
	}
	s.forget()
	if err == nil && cur != nil {
		_ = s.clearStore(cur)
	}
	return nil
}

// accessFromResponse reads the claims of a fresh access token and its expiry on the local clock.
func accessFromResponse(res *authResponse, receivedAt time.Time) (*accessToken, claims, error) {
	if res.RefreshToken == "" {
		return nil, claims{}, fmt.Errorf("WorkOS answered without a refresh token")
	}
	c, err := parseClaims(res.AccessToken)
	if err != nil {
		return nil, claims{}, err
	}
	if c.OrganizationID == "" {
		c.OrganizationID = res.OrganizationID
	}
	return &accessToken{Token: res.AccessToken, ExpiresAt: c.localExpiry(receivedAt), SessionID: c.SessionID,
		OrganizationID: c.OrganizationID}, c, nil
}

func (s *Session) envAccess() (*accessToken, error) {
	c, err := parseClaims(s.opts.EnvToken)
	if err != nil {
		// Not a JWT we can read: send it as is and let the API judge.
		return &accessToken{Token: s.opts.EnvToken}, nil
	}
	return &accessToken{Token: s.opts.EnvToken, ExpiresAt: c.ExpiresAt, SessionID: c.SessionID,
		OrganizationID: c.OrganizationID}, nil
}
