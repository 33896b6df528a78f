package auth

import (
	"context"
	"fmt"
)

// ConfirmSession asks WorkOS whether the session itself is still alive, with a refresh that names no
// organization: an API that refuses this process's organization may mean a revoked session or only a
// membership gone, and the two are told apart here before anyone is signed out. nil: WorkOS accepted it
// (the new refresh token is stored; no organization's access token changes). A refusal (invalid_grant)
// clears the stored session and wraps ErrLoginRequired; anything else (the network) decides nothing.
func (s *Session) ConfirmSession(ctx context.Context) error {
	if s.opts.EnvToken != "" {
		return ErrTokenFromEnvironment
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	rec, err := s.loadRecord()
	if err == nil && rec == nil {
		s.forget()
		err = s.noSession()
	}
	if err != nil {
		unlock()
		return err
	}
	_, err = settle(ctx, s.exchangeTimeout(), func(ctx context.Context) (struct{}, error) {
		defer unlock()
		res, err := s.wos.authenticate(ctx, grantRefreshToken, map[string]string{"refresh_token": rec.RefreshToken})
		if isInvalidGrant(err) {
			if newer := s.clearRefused(rec); newer != nil {
				// This process's copy was older than the store: present the stored session instead.
				rec = newer
				res, err = s.wos.authenticate(ctx, grantRefreshToken, map[string]string{"refresh_token": rec.RefreshToken})
			}
		}
		if err != nil {
			if isInvalidGrant(err) {
				_ = s.clearRefused(rec)
				//nolint:errorlint // the refusal is detail: wrapped, it would also read as a *RefusedError
				return struct{}{}, fmt.Errorf("%w: WorkOS no longer accepts the stored session (%v)", ErrLoginRequired, err)
			}
			return struct{}{}, err
		}
		_, c, err := accessFromResponse(res, s.now())
		if err != nil {
			return struct{}{}, err
		}
		next := copyRecord(rec)
		next.RefreshToken = res.RefreshToken
		if c.SessionID != "" {
			next.SessionID = c.SessionID
		}
		if err := s.saveRecord(next); err != nil {
			return struct{}{}, fmt.Errorf("the session was refreshed but could not be saved, sign in again: %w", err)
		}
		return struct{}{}, nil
	})
	return err
}

// clearRefused clears the session WorkOS refused here, unless the store holds a newer one (returned). Refused
// here, the session was revoked (B10a), so it is marked so before its tokens go: a request that finds no
// session between the clearing and the caller's sign-out then says revoked, not "sign in" (ErrLoginRequired).
func (s *Session) clearRefused(refused *record) (newer *record) {
	s.setRevoked(true)
	if newer = s.clearIfUnchanged(refused); newer != nil {
		s.setRevoked(false) // the store's newer session is alive until WorkOS says otherwise
	}
	return newer
}
