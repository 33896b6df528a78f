package auth

import "fmt"

// The types below hold secrets (tokens, the PKCE verifier, state, device and pending codes) in fields
// that fmt would print with %v, %+v or %#v, in a debug line or the value of a panic. Their String and
// GoString say what they are and leave the secrets out.

func (s *Session) String() string {
	return fmt.Sprintf("auth.Session{profile: %q, secrets redacted}", s.opts.Profile)
}

// GoString keeps %#v as redacted as String.
func (s *Session) GoString() string { return s.String() }

func (b *BrowserLogin) String() string {
	return fmt.Sprintf("auth.BrowserLogin{redirect_uri: %q, secrets redacted}", b.srv.redirectURI())
}

// GoString keeps %#v as redacted as String.
func (b *BrowserLogin) GoString() string { return b.String() }

func (d *DeviceLogin) String() string {
	return fmt.Sprintf("auth.DeviceLogin{user_code: %q, verification_uri: %q, device code redacted}", d.UserCode, d.VerificationURI)
}

// GoString keeps %#v as redacted as String.
func (d *DeviceLogin) GoString() string { return d.String() }

// GoString redacts %#v too: Error() already leaves the pending token out; %#v would not.
func (e *OrganizationSelectionRequired) GoString() string {
	return fmt.Sprintf("&auth.OrganizationSelectionRequired{Organizations: %d, pending token redacted}", len(e.Organizations))
}

func (r record) String() string {
	return fmt.Sprintf("session %s of %s (organization %q, refresh token redacted)", r.SessionID, r.UserID, r.OrganizationID)
}

func (r record) GoString() string { return r.String() }

func (a accessToken) String() string {
	return fmt.Sprintf("access token of %q until %s (redacted)", a.OrganizationID, a.ExpiresAt.Format("15:04:05"))
}

func (a accessToken) GoString() string { return a.String() }
