package auth

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/workos/workos-go/v4/pkg/usermanagement"
)

// BrowserLogin is a browser sign-in in progress: open URL() in a browser (or print it), then Wait. A
// redirected address pasted by the user goes to SubmitRedirect.
type BrowserLogin struct {
	s     *Session
	opts  LoginOptions
	srv   *callbackServer
	pkce  pkce
	state string
	url   string
}

// BeginBrowserLogin starts the loopback listener and builds the AuthKit authorize URL (PKCE S256, random
// state carrying Next and the organization asked for, provider=authkit). An OrganizationID goes on the URL
// as organization_id: AuthKit signs the user in there (B28).
func (s *Session) BeginBrowserLogin(ctx context.Context, o LoginOptions) (*BrowserLogin, error) {
	if err := s.checkCanSignIn(); err != nil {
		return nil, err
	}
	b := &BrowserLogin{s: s, opts: o, pkce: newPKCE(), state: newState(o.Next, o.OrganizationID)}
	port := o.CallbackPort
	if port == 0 {
		port = s.opts.CallbackPort
	}
	srv, err := startCallbackServer(ctx, b.state, port)
	if err != nil {
		return nil, err
	}
	b.srv = srv
	ao := usermanagement.GetAuthorizationURLOpts{
		ClientID:            s.opts.ClientID,
		RedirectURI:         srv.redirectURI(),
		Provider:            "authkit",
		CodeChallenge:       b.pkce.challenge,
		CodeChallengeMethod: "S256",
		State:               b.state,
		LoginHint:           o.Email,
		OrganizationID:      o.OrganizationID,
	}
	if o.SignUp {
		ao.ScreenHint = usermanagement.SignUp
	}
	u, err := s.wos.urls.GetAuthorizationURL(ao)
	if err != nil {
		_ = srv.close() // the sign-in URL's error is the one to report
		return nil, fmt.Errorf("build the sign-in URL: %w", err)
	}
	if o.Reauthenticate {
		// workos-go has no prompt option: AuthKit reads it from the query like the others.
		q := u.Query()
		q.Set("prompt", "login")
		u.RawQuery = q.Encode()
	}
	b.url = u.String()
	return b, nil
}

// URL is the authorize URL to open in the browser. It holds no secret (only the PKCE challenge).
func (b *BrowserLogin) URL() string { return b.url }

// RedirectURI is the loopback callback address.
func (b *BrowserLogin) RedirectURI() string { return b.srv.redirectURI() }

// SubmitRedirect finishes the sign-in with an address pasted from a browser's address bar (B2). An error
// says why it was not accepted; the wait goes on.
func (b *BrowserLogin) SubmitRedirect(raw string) error { return b.srv.submit(raw) }

// Close stops the loopback listener.
func (b *BrowserLogin) Close() error { return b.srv.close() }

// ErrLoginTimeout is returned when nobody finished the sign-in in time. A browser sign-in's is a
// *CallbackTimeoutError (it names the redirect URI nothing came back to).
var ErrLoginTimeout = errors.New("timed out waiting for the sign-in")

// CallbackTimeoutError is a browser sign-in that timed out: nothing reached RedirectURI. WorkOS shows its
// own error page, and never redirects, when the redirect URI is not registered for the client; a browser
// on another machine cannot reach 127.0.0.1.
type CallbackTimeoutError struct {
	RedirectURI string
	After       time.Duration
}

func (e *CallbackTimeoutError) Error() string {
	return fmt.Sprintf("%s: nothing came back to %s in %s", ErrLoginTimeout, e.RedirectURI, e.After)
}

// Unwrap makes errors.Is(err, ErrLoginTimeout) hold.
func (e *CallbackTimeoutError) Unwrap() error { return ErrLoginTimeout }

// Wait blocks until one accepted callback (or pasted redirect) arrives, exchanges its code and stores the
// session. An error parameter from the server ends the sign-in; an organization choice comes back as
// *OrganizationSelectionRequired.
func (b *BrowserLogin) Wait(ctx context.Context) (*Result, error) {
	ctx, cancel := context.WithTimeout(ctx, b.opts.timeout())
	defer cancel()
	var cb callback
	select {
	case cb = <-b.srv.callbacks:
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, &CallbackTimeoutError{RedirectURI: b.srv.redirectURI(), After: b.opts.timeout()}
		}
		return nil, ctx.Err()
	}
	res, err := b.finish(ctx, cb)
	if cb.reply != nil {
		cb.reply <- outcomePage(res, err)
	}
	return res, err
}

func (b *BrowserLogin) finish(ctx context.Context, cb callback) (*Result, error) {
	if cb.errCode != "" {
		return nil, &RefusedError{Code: cb.errCode, Description: cb.errDescription}
	}
	// The code is single-use: once sent, the exchange is finished and stored whatever happens to ctx.
	return settle(ctx, b.s.exchangeTimeout(), func(ctx context.Context) (*Result, error) {
		stored := b.s.storedAhead()
		res, err := b.s.wos.authenticate(ctx, grantAuthorizationCode, map[string]string{
			"code": cb.code, "code_verifier": b.pkce.verifier})
		if err != nil {
			var sel *OrganizationSelectionRequired
			if errors.As(err, &sel) {
				sel.Next = b.opts.Next
				return nil, sel
			}
			return nil, fmt.Errorf("exchange the sign-in code: %w", err)
		}
		next, org := fromState(cb.state)
		return b.s.saveLogin(ctx, res, next, org, stored)
	})
}

func outcomePage(res *Result, err error) pageOutcome {
	var sel *OrganizationSelectionRequired
	switch {
	case err == nil:
		who := res.Info.Email
		if who == "" {
			who = res.Info.UserID
		}
		return pageOutcome{ok: true, title: "Signed in to panel", message: "Signed in as " + who + ". You can close this tab and return to the terminal."}
	case errors.As(err, &sel):
		return pageOutcome{ok: true, title: "Choose an organization", message: "Return to the terminal to choose the organization to sign in to."}
	}
	return pageOutcome{title: "Sign-in failed", message: err.Error()}
}
