package auth

import (
	"errors"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// claims are the access token claims panel reads. The signature is the API's business: the client only
// needs to know who, which session, which organization and until when.
type claims struct {
	Subject        string
	SessionID      string
	OrganizationID string
	IssuedAt       time.Time
	ExpiresAt      time.Time
}

var errMalformedToken = errors.New("the access token is not a JWT with exp")

func parseClaims(token string) (claims, error) {
	mc := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(token, mc); err != nil {
		return claims{}, errMalformedToken // the parser's error may quote the token
	}
	var c claims
	c.Subject, _ = mc["sub"].(string)
	c.SessionID, _ = mc["sid"].(string)
	c.OrganizationID, _ = mc["org_id"].(string)
	exp, err := mc.GetExpirationTime()
	if err != nil || exp == nil {
		return claims{}, errMalformedToken
	}
	c.ExpiresAt = exp.Time
	if iat, err := mc.GetIssuedAt(); err == nil && iat != nil {
		c.IssuedAt = iat.Time
	}
	return c, nil
}

// localExpiry turns the token's lifetime (exp - iat) into a deadline on this machine's clock, so a skewed
// clock neither refreshes in a loop nor sends expired tokens.
func (c claims) localExpiry(receivedAt time.Time) time.Time {
	if c.IssuedAt.IsZero() || !c.ExpiresAt.After(c.IssuedAt) {
		return c.ExpiresAt
	}
	return receivedAt.Add(c.ExpiresAt.Sub(c.IssuedAt))
}
