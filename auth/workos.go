package auth

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"syscall"

	"github.com/workos/workos-go/v4/pkg/usermanagement"
)

// Grant types of POST /user_management/authenticate.
const (
	grantAuthorizationCode     = "authorization_code"
	grantRefreshToken          = "refresh_token"
	grantDeviceCode            = "urn:ietf:params:oauth:grant-type:device_code"
	grantOrganizationSelection = "urn:workos:oauth:grant-type:organization-selection"
)

// workos talks to WorkOS User Management as a public client. workos-go builds the browser URLs; the
// authenticate and device calls are sent here because workos-go always adds "client_secret" (public clients
// send none), keeps only the two tokens of a refresh, and has no device call.
type workos struct {
	clientID string
	endpoint string
	http     *http.Client
	urls     *usermanagement.Client
}

func newWorkOS(clientID, endpoint string, hc *http.Client) *workos {
	// A redirect is never followed (B26): http.Client would send the body again, refresh token and
	// all, to wherever the answer points. It reaches the caller as an answer and is refused there.
	noRedirect := *hc
	noRedirect.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	um := usermanagement.NewClient("") // no API key: it only builds URLs here
	um.Endpoint = strings.TrimRight(endpoint, "/")
	um.HTTPClient = &noRedirect
	return &workos{clientID: clientID, endpoint: um.Endpoint, http: &noRedirect, urls: um}
}

// checkURL applies the credentials' transport rule (checkCredentialURL) to a WorkOS address, before
// anything is sent there.
func (w *workos) checkURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("the WorkOS URL %q is not a URL: %w", w.endpoint, err)
	}
	if err := checkCredentialURL(u, "WorkOS credentials"); err != nil {
		return fmt.Errorf("%w; check the WorkOS URL (--auth-url, PANEL_AUTH_URL or auth_url)", err)
	}
	return nil
}

// authResponse is an authenticate answer; workos-go's type describes it.
type authResponse = usermanagement.AuthenticateResponse

// authenticate POSTs one grant as JSON with client_id and no client_secret. Refusals come back as
// *RefusedError or *OrganizationSelectionRequired; anything else (network, 5xx) is an ordinary error, so
// callers keep the session.
func (w *workos) authenticate(ctx context.Context, grant string, fields map[string]string) (*authResponse, error) {
	body := map[string]string{"client_id": w.clientID, "grant_type": grant}
	for k, v := range fields {
		if v != "" {
			body[k] = v
		}
	}
	var out authResponse
	if err := w.postJSON(ctx, "/user_management/authenticate", body, &out); err != nil {
		return nil, err
	}
	if out.AccessToken == "" {
		return nil, fmt.Errorf("WorkOS answered the %s grant without an access token", grantName(grant))
	}
	return &out, nil
}

// deviceAuthorization is the answer of POST /user_management/authorize/device (RFC 8628).
type deviceAuthorization struct {
	DeviceCode              string  `json:"device_code"`
	UserCode                string  `json:"user_code"`
	VerificationURI         string  `json:"verification_uri"`
	VerificationURIComplete string  `json:"verification_uri_complete"`
	ExpiresIn               float64 `json:"expires_in"` // seconds: a number, not always a whole one
	Interval                float64 `json:"interval"`
}

func (w *workos) authorizeDevice(ctx context.Context) (*deviceAuthorization, error) {
	var out deviceAuthorization
	if err := w.postJSON(ctx, "/user_management/authorize/device", map[string]string{"client_id": w.clientID}, &out); err != nil {
		return nil, err
	}
	if out.DeviceCode == "" || out.UserCode == "" || out.VerificationURI == "" {
		return nil, fmt.Errorf("WorkOS answered the device authorization without a code")
	}
	return &out, nil
}

func (w *workos) postJSON(ctx context.Context, path string, body any, out any) error {
	b, err := json.Marshal(body)
	if err != nil {
		return err
	}
	if err := w.checkURL(w.endpoint + path); err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.endpoint+path, bytes.NewReader(b))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	res, err := w.http.Do(req)
	if err != nil {
		return unanswered(path, scrubURLError(err))
	}
	defer res.Body.Close()
	data, err := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	if err != nil {
		// As a *url.Error like a failure before the headers: callers tell this request's failure from theirs.
		return unanswered(path, &url.Error{Op: "Post", URL: w.endpoint + path, Err: err})
	}
	if res.StatusCode >= 300 && res.StatusCode < 400 {
		return redirected(path, res)
	}
	if res.StatusCode >= 300 {
		return decodeRefusal(res.StatusCode, data)
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("WorkOS answered %s with a body that is not the expected JSON", path)
	}
	return nil
}

// redirected is the error for a WorkOS answer that redirects: not a refusal (the session and the
// credential are kept, nothing falls back to a browser sign-in), and never followed.
func redirected(path string, res *http.Response) error {
	where := "elsewhere"
	if loc, err := res.Location(); err == nil && loc.Host != "" {
		where = "to " + loc.Host
	}
	return fmt.Errorf("WorkOS answered POST %s with a redirect (HTTP %d) %s: panel never sends credentials "+
		"on to another address; check the WorkOS URL (--auth-url, PANEL_AUTH_URL or auth_url)", path, res.StatusCode, where)
}

// refusalBody covers both error shapes and the organization selection payload.
type refusalBody struct {
	Error            string               `json:"error"`
	ErrorDescription string               `json:"error_description"`
	Code             string               `json:"code"`
	Message          string               `json:"message"`
	PendingToken     string               `json:"pending_authentication_token"`
	Organizations    []OrganizationChoice `json:"organizations"`
	User             struct {
		Email string `json:"email"`
	} `json:"user"`
}

func decodeRefusal(status int, data []byte) error {
	var rb refusalBody
	if status == http.StatusTooManyRequests {
		return fmt.Errorf("WorkOS rate limited the request (HTTP 429); try again in a moment")
	}
	if json.Unmarshal(data, &rb) != nil || (rb.Error == "" && rb.Code == "") {
		// Some refusals carry only {message} (a missing client secret, a malformed request): keep its text.
		if status >= 500 {
			if rb.Message != "" {
				return fmt.Errorf("WorkOS is unavailable (HTTP %d: %s); try again", status, lineBreaks.Replace(rb.Message))
			}
			return fmt.Errorf("WorkOS is unavailable (HTTP %d); try again", status)
		}
		return &RefusedError{Status: status, Code: strings.ToLower(strings.ReplaceAll(http.StatusText(status), " ", "_")),
			Description: rb.Message}
	}
	code, desc := rb.Error, rb.ErrorDescription
	if code == "" {
		code, desc = rb.Code, rb.Message
	}
	if code == "organization_selection_required" && rb.PendingToken != "" {
		return &OrganizationSelectionRequired{PendingToken: rb.PendingToken, Organizations: rb.Organizations, Email: rb.User.Email}
	}
	if status >= 500 {
		return fmt.Errorf("WorkOS is unavailable (HTTP %d %s); try again", status, code)
	}
	return &RefusedError{Status: status, Code: code, Description: desc}
}

// unanswered says in the user's words why WorkOS gave no (whole) answer; it
// wraps err, so callers still see a network failure and keep the session.
func unanswered(path string, err error) error {
	var ne interface{ Timeout() bool }
	switch {
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()):
		return &unansweredError{"WorkOS did not answer in time (timed out on POST " + path + ")", err}
	case errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return &unansweredError{"the connection to WorkOS was reset before it answered (POST " + path + ")", err}
	}
	return fmt.Errorf("reach WorkOS: %w", err)
}

// unansweredError is a message in the user's words over the transport's error.
type unansweredError struct {
	msg string
	err error
}

func (e *unansweredError) Error() string { return e.msg }
func (e *unansweredError) Unwrap() error { return e.err }

func grantName(grant string) string {
	return grant[strings.LastIndex(grant, ":")+1:]
}
