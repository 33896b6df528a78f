package emutest

import (
	"net/http"
	"net/url"
)

// Tokens is a successful authenticate answer.
type Tokens struct {
	User                 map[string]any `json:"user"`
	OrganizationID       string         `json:"organization_id"`
	AccessToken          string         `json:"access_token"`
	RefreshToken         string         `json:"refresh_token"`
	AuthenticationMethod string         `json:"authentication_method"`
}

// OAuthError is the {error, error_description} shape.
type OAuthError struct {
	Error            string `json:"error"`
	ErrorDescription string `json:"error_description"`
}

// AuthorizeQuery is a valid authorize query (PKCE challenge, state) with extra parameters set over it
// ("" deletes one).
func (c *Client) AuthorizeQuery(challenge string, extra map[string]string) url.Values {
	q := url.Values{
		"client_id": {c.Srv.ClientID}, "response_type": {"code"}, "redirect_uri": {Callback},
		"state": {"st-123"}, "provider": {"authkit"},
		"code_challenge": {challenge}, "code_challenge_method": {"S256"},
	}
	for k, v := range extra {
		if v == "" {
			q.Del(k)
		} else {
			q.Set(k, v)
		}
	}
	return q
}

// Redirected checks a 302 back to the callback and returns its query.
func (c *Client) Redirected(resp *Response) url.Values {
	c.T.Helper()
	if resp.StatusCode != http.StatusFound {
		c.T.Fatalf("want 302 to the callback, got %d: %s", resp.StatusCode, resp.Body)
	}
	u, err := url.Parse(resp.Header.Get("Location"))
	if err != nil || u.Scheme+"://"+u.Host+u.Path != Callback {
		c.T.Fatalf("redirect to %q, want %s", resp.Header.Get("Location"), Callback)
	}
	return u.Query()
}

// SignIn runs the default-mode authorize and exchanges the code (PKCE), returning the tokens.
func (c *Client) SignIn(extra map[string]string) Tokens {
	c.T.Helper()
	verifier, challenge := PKCE()
	q := c.Redirected(c.Get("/user_management/authorize", c.AuthorizeQuery(challenge, extra)))
	if q.Get("code") == "" {
		c.T.Fatalf("no code in the redirect: %v", q)
	}
	resp := c.Exchange(q.Get("code"), verifier)
	if resp.StatusCode != http.StatusOK {
		c.T.Fatalf("code exchange: %d %s", resp.StatusCode, resp.Body)
	}
	return Decode[Tokens](c.T, resp.Body)
}

// Exchange posts the authorization_code grant as a public client (JSON, no client_secret).
func (c *Client) Exchange(code, verifier string) *Response {
	c.T.Helper()
	return c.PostJSON("/user_management/authenticate", map[string]string{
		"client_id": c.Srv.ClientID, "grant_type": "authorization_code", "code": code, "code_verifier": verifier,
	})
}

// Refresh posts the refresh_token grant, with organization_id when orgID is set.
func (c *Client) Refresh(refreshToken, orgID string) *Response {
	c.T.Helper()
	body := map[string]string{"client_id": c.Srv.ClientID, "grant_type": "refresh_token", "refresh_token": refreshToken}
	if orgID != "" {
		body["organization_id"] = orgID
	}
	return c.PostJSON("/user_management/authenticate", body)
}

// WantOAuthError checks a 4xx OAuth-shaped error with that code.
func (c *Client) WantOAuthError(resp *Response, status int, code string) OAuthError {
	c.T.Helper()
	if resp.StatusCode != status {
		c.T.Fatalf("want %d %s, got %d: %s", status, code, resp.StatusCode, resp.Body)
	}
	e := Decode[OAuthError](c.T, resp.Body)
	if e.Error != code {
		c.T.Fatalf("want error %q, got %s", code, resp.Body)
	}
	return e
}
