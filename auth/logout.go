package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/workos/workos-go/v4/pkg/usermanagement"
)

// logoutTimeout bounds the request that ends the session on the server; sign-out never waits longer.
var logoutTimeout = 5 * time.Second

// LogoutResult says what sign-out did (B7).
type LogoutResult struct {
	WasSignedIn bool
	Email       string
	SessionID   string
	// ServerSessionEnded is true when WorkOS answered the logout URL; ServerError says why not otherwise
	// (offline, timeout, ...): the session then ends on its own when its refresh token is not used.
	ServerSessionEnded bool
	ServerError        error
	Storage            string // where the tokens were deleted from (StorageKeyring or StorageFile)
	StorageReason      string
}

// Logout ends the WorkOS session (GET of the logout URL with the sid, bounded by a timeout, sent while the
// local part runs) and deletes the stored tokens. The local part always happens, online or not.
func (s *Session) Logout(ctx context.Context) (LogoutResult, error) {
	if s.opts.EnvToken != "" {
		return LogoutResult{}, ErrTokenFromEnvironment
	}
	res := LogoutResult{Storage: s.store.kind(), StorageReason: s.store.reason()}
	unlock, err := s.lock(ctx)
	if err != nil {
		return res, err
	}
	defer unlock()
	defer s.forget()
	rec, err := s.store.loadRecord()
	var kerr *KeychainError
	if errors.As(err, &kerr) {
		return res, err
	}
	if rec == nil {
		if err != nil { // unreadable: drop it
			return res, s.clearStore(nil)
		}
		return res, nil
	}
	res.WasSignedIn, res.Email, res.SessionID = true, rec.Email, rec.SessionID
	ended := make(chan error, 1)
	go func() { ended <- s.endServerSession(ctx, rec.SessionID) }()
	clearErr := s.clearStore(rec)
	res.ServerError = <-ended
	res.ServerSessionEnded = res.ServerError == nil
	if clearErr != nil {
		return res, fmt.Errorf("delete the stored tokens: %w", clearErr)
	}
	return res, nil
}

// endServerSession GETs the logout URL, as the browser would, without following its redirect (the WorkOS
// client never follows one).
func (s *Session) endServerSession(ctx context.Context, sid string) error {
	if sid == "" {
		return errors.New("the stored session has no session id")
	}
	u, err := s.wos.urls.GetLogoutURL(usermanagement.GetLogoutURLOpts{SessionID: sid})
	if err != nil {
		return err
	}
	if err := s.wos.checkURL(u.String()); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, logoutTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return err
	}
	res, err := s.wos.http.Do(req) // its redirect is not followed
	if err != nil {
		return fmt.Errorf("reach WorkOS: %w", scrubURLError(err))
	}
	res.Body.Close()
	if res.StatusCode >= 400 {
		return fmt.Errorf("WorkOS answered the logout with HTTP %d", res.StatusCode)
	}
	return nil
}
