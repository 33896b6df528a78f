package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Error is an API error answer: {status, code, message} plus fields on 400,
// or a google.rpc.Status {code (a number), message, details} as the gateway
// sends for what it maps itself. Status is the HTTP status, whatever the body
// says (a 429 body may be anything, even not JSON).
type Error struct {
	Status     int               `json:"status"`
	Code       string            `json:"code,omitempty"` // the API's code, or the gRPC code's name ("not_found")
	GRPCCode   int               `json:"-"`              // the google.rpc.Status code, 0 when the body had none
	Message    string            `json:"message,omitempty"`
	Fields     []FieldError      `json:"fields,omitempty"`
	Details    []json.RawMessage `json:"details,omitempty"`
	Method     string            `json:"-"`
	Path       string            `json:"-"`
	RetryAfter time.Duration     `json:"-"` // from Retry-After on 429/503: 0 if absent or past, at most MaxRetryAfter
}

// FieldError is a validation error of one input field.
type FieldError struct {
	Field       string `json:"field"`
	Description string `json:"description"`
}

// Error is one line: the server's own line breaks are folded into spaces
// (Message and Fields keep them), so its words cannot start a line of their
// own wherever the error is shown.
func (e *Error) Error() string {
	msg := e.Message
	if msg == "" {
		msg = strings.ToLower(http.StatusText(e.Status))
	}
	switch {
	case IsOrgDeactivated(e):
		msg = "the organization is deactivated: the API rejects its tokens (Token rejected)"
	case IsAccountLocked(e):
		msg = "your account is locked (Account is locked)"
	}
	if IsRateLimited(e) {
		msg = "rate limited by the API"
		if e.RetryAfter > 0 {
			msg += "; try again in " + waitWords(e.RetryAfter)
		}
	}
	var b strings.Builder
	b.WriteString(msg)
	for _, f := range e.Fields {
		fmt.Fprintf(&b, "; %s: %s", f.Field, f.Description)
	}
	fmt.Fprintf(&b, " (HTTP %d", e.Status)
	if e.Path != "" {
		fmt.Fprintf(&b, " on %s %s", e.Method, e.Path)
	}
	b.WriteString(")")
	return lineBreaks.Replace(b.String())
}

// lineBreaks folds line breaks into spaces.
var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

// FieldError returns the description of the error on field, if any (forms
// show it next to the input).
func (e *Error) FieldError(field string) (string, bool) {
	for _, f := range e.Fields {
		if f.Field == field {
			return f.Description, true
		}
	}
	return "", false
}

func parseError(method, path string, status int, h http.Header, body []byte) *Error {
	e := decodeErrorBody(body)
	e.Status, e.Method, e.Path = status, method, path
	e.RetryAfter = retryAfter(h.Get("Retry-After"), time.Now())
	return e
}

// wireError reads both shapes of an error body: code is a string in the
// API's own errors and a number in a google.rpc.Status.
type wireError struct {
	Code    json.RawMessage   `json:"code"`
	Message string            `json:"message"`
	Fields  []FieldError      `json:"fields"`
	Details []json.RawMessage `json:"details"`
}

// decodeErrorBody keeps what an error body says; a body that is not an
// error object (a proxy's 429 page, plain text) gives an empty Error.
func decodeErrorBody(body []byte) *Error {
	var w wireError
	if json.Unmarshal(body, &w) != nil {
		return &Error{}
	}
	e := &Error{Message: w.Message, Fields: w.Fields, Details: w.Details}
	var code string
	var n int
	switch {
	case json.Unmarshal(w.Code, &code) == nil:
		e.Code = code
	case json.Unmarshal(w.Code, &n) == nil:
		e.GRPCCode, e.Code = n, grpcCodeName(n)
	}
	return e
}

// The messages the API uses for two states that are not what their status says.
const (
	messageAccountLocked = "Account is locked"
	messageTokenRejected = "Token rejected"
)

// PathCurrentOrganization is where the session's validity is checked (B10).
const PathCurrentOrganization = "/v1/account/organization"

func asError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// IsUnauthenticated reports that the API did not accept the token (401).
func IsUnauthenticated(err error) bool {
	e, ok := asError(err)
	return ok && e.Status == http.StatusUnauthorized
}

// IsSessionRevoked reports a 403 on GET /v1/account/organization that is not a locked
// account nor a deactivated organization ("Token rejected"): the WorkOS
// session behind a still-valid token was revoked, or the membership is gone (B10).
func IsSessionRevoked(err error) bool {
	e, ok := asError(err)
	return ok && e.Status == http.StatusForbidden && e.Path == PathCurrentOrganization &&
		!IsAccountLocked(err) && !IsOrgDeactivated(err)
}

// IsAccountLocked reports a 403 "Account is locked".
func IsAccountLocked(err error) bool {
	e, ok := asError(err)
	return ok && e.Status == http.StatusForbidden && strings.EqualFold(strings.TrimSpace(e.Message), messageAccountLocked)
}

// IsOrgDeactivated reports "Token rejected": the organization of the token is deactivated.
func IsOrgDeactivated(err error) bool {
	e, ok := asError(err)
	return ok && strings.EqualFold(strings.TrimSpace(e.Message), messageTokenRejected)
}

// IsNotFound reports a 404.
func IsNotFound(err error) bool {
	e, ok := asError(err)
	return ok && e.Status == http.StatusNotFound
}

// IsRateLimited reports a 429.
func IsRateLimited(err error) bool {
	e, ok := asError(err)
	return ok && e.Status == http.StatusTooManyRequests
}

// IsServerError reports any 5xx.
func IsServerError(err error) bool {
	e, ok := asError(err)
	return ok && e.Status >= 500
}

// IsValidation reports a 400 (Fields says which inputs are wrong).
func IsValidation(err error) bool {
	e, ok := asError(err)
	return ok && e.Status == http.StatusBadRequest
}
