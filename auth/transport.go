package auth

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
)

// Transport wraps base (nil = http.DefaultTransport) so every request carries a valid bearer token and the
// current project of the token's organization (B9), and a 401 is retried once after a forced refresh (B11).
func (s *Session) Transport(base http.RoundTripper) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	return &bearerTransport{s: s, base: base}
}

type bearerTransport struct {
	s    *Session
	base http.RoundTripper
}

// ProjectHeaderName is the header the web panel sends with the current project on every request.
const ProjectHeaderName = "X-Koyeb-Project-Id"

func (t *bearerTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := CheckBearerURL(req.URL); err != nil {
		closeBody(req)
		return nil, err
	}
	if err := checkRedirectHost(req); err != nil {
		closeBody(req)
		return nil, err
	}
	ctx := req.Context()
	at, err := t.s.currentToken(ctx)
	if err != nil {
		closeBody(req)
		return nil, err
	}
	res, err := t.base.RoundTrip(t.authorized(req, at))
	if err != nil || res.StatusCode != http.StatusUnauthorized || t.s.opts.EnvToken != "" || !replayable(req) {
		return res, err
	}
	// The token was refused: refresh once and retry once (B11). A second 401 is returned as is, so the
	// caller shows what is wrong instead of looping through sign-in (B6).
	fresh, ferr := t.s.forceRefresh(ctx, at.Token)
	if ferr != nil {
		return res, nil
	}
	retry := req.Clone(ctx)
	if req.GetBody != nil {
		body, berr := req.GetBody()
		if berr != nil {
			return res, nil
		}
		retry.Body = body
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	res.Body.Close()
	return t.base.RoundTrip(t.authorized(retry, fresh))
}

// authorized returns a copy of req with the bearer token and the project of the token's organization; a
// project header set by the caller is replaced, never sent with another organization's token.
func (t *bearerTransport) authorized(req *http.Request, at *accessToken) *http.Request {
	r := req.Clone(req.Context())
	r.Body = req.Body
	r.Header.Set("Authorization", "Bearer "+at.Token)
	r.Header.Del(ProjectHeaderName)
	if f := t.s.opts.ProjectHeader; f != nil {
		if p := f(at.OrganizationID); p != "" {
			r.Header.Set(ProjectHeaderName, p)
		}
	}
	return r
}

// CheckBearerURL refuses to send a token in clear text anywhere but the local machine.
func CheckBearerURL(u *url.URL) error { return checkCredentialURL(u, "the access token") }

// checkCredentialURL is the one rule for every credential panel sends, the API's bearer as WorkOS's
// codes, verifiers, refresh and pending tokens (B26): https (or wss), or plain http (ws) to a loopback
// address. what names the credential in the refusal.
func checkCredentialURL(u *url.URL, what string) error {
	switch u.Scheme {
	case "https", "wss":
		return nil
	case "http", "ws":
		if isLoopbackHost(u.Hostname()) {
			return nil
		}
	}
	return fmt.Errorf("refusing to send %s to %s://%s: only https, or http to this machine "+
		"(127.0.0.1, ::1, localhost), may carry it", what, u.Scheme, u.Host)
}

// checkRedirectHost keeps the token on the host the caller addressed: http.Client sends each hop of a
// redirect through this transport, and a redirect to another host must not receive the bearer.
func checkRedirectHost(req *http.Request) error {
	first := req
	for first.Response != nil && first.Response.Request != nil {
		first = first.Response.Request
	}
	if first != req && first.URL.Host != req.URL.Host {
		return fmt.Errorf("refusing to send the access token to %s: %s redirected there", req.URL.Host, first.URL.Host)
	}
	return nil
}

func isLoopbackHost(h string) bool {
	if h == "localhost" {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

func replayable(req *http.Request) bool {
	return req.Body == nil || req.Body == http.NoBody || req.GetBody != nil
}

func closeBody(req *http.Request) {
	if req.Body != nil {
		req.Body.Close()
	}
}
