package auth

import "context"

// RefreshToken returns a fresh access token in place of rejected, one the API refused after accepting the
// connection (a log stream's unauthenticated frame). Callers that saw the same token refused share one
// refresh; one that comes after it gets the token it stored.
func (s *Session) RefreshToken(ctx context.Context, rejected string) (string, error) {
	at, err := s.forceRefresh(ctx, rejected)
	if err != nil {
		return "", err
	}
	return at.Token, nil
}
