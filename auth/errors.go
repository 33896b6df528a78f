package auth

import (
	"errors"
	"fmt"
	"strings"
)

// The errors here state facts (what happened, to which session or organization); the CLI and the TUI
// say what to do about them, each in its own words.

// ErrLoginRequired means there is no usable session: nobody signed in, or the refresh token was refused
// (invalid_grant). Commands exit with code 4; the TUI goes to the sign-in screen with next set.
var ErrLoginRequired = errors.New("not signed in")

// ErrSessionRevoked means the server ended the session (B10): the caller signs out and says so.
var ErrSessionRevoked = errors.New("the session was revoked")

// UnreadableSessionError means the stored session cannot be decoded (a damaged token file or keychain
// item): a new sign-in replaces it. It never quotes what it could not read.
type UnreadableSessionError struct {
	Path string // the token file; "" for the keychain item
}

func (e *UnreadableSessionError) Error() string {
	if e.Path == "" {
		return "the stored session is unreadable"
	}
	return fmt.Sprintf("the token file %s is unreadable", e.Path)
}

// ErrTokenFromEnvironment is returned by operations that would store or drop tokens while PANEL_TOKEN
// supplies a ready access token.
var ErrTokenFromEnvironment = errors.New("PANEL_TOKEN is set: panel uses that access token as is and stores " +
	"nothing, so there is nothing to sign in to or out of; unset PANEL_TOKEN first")

// RefusedError is an OAuth-style refusal from WorkOS ({error, error_description} or {code, message}):
// organization_membership_not_found, sso_required, mfa_enrollment, access_denied, invalid_grant, ...
type RefusedError struct {
	Status      int // HTTP status, 0 when the refusal came through the browser redirect
	Code        string
	Description string
}

// Error is one line: WorkOS's own line breaks are folded into spaces (Code and Description keep them), so
// its words cannot start a line of their own wherever the error is shown.
func (e *RefusedError) Error() string {
	msg := "WorkOS refused"
	if e.Code != "" {
		msg += ": " + e.Code
	}
	if e.Description != "" && e.Description != e.Code {
		msg += ": " + e.Description
	}
	return lineBreaks.Replace(msg)
}

// lineBreaks folds line breaks into spaces.
var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

// OrganizationChoice is one organization the user may sign in to.
type OrganizationChoice struct {
	ID   string `json:"id"` // WorkOS organization id = the control panel's external_id
	Name string `json:"name"`
}

// OrganizationSelectionRequired is returned when the user belongs to several organizations and WorkOS wants
// one chosen (B3a): pass it to Session.ChooseOrganization with the chosen ID.
type OrganizationSelectionRequired struct {
	PendingToken  string // single-use credential: never printed
	Organizations []OrganizationChoice
	Email         string
	Next          string // carried over from the sign-in that needed the choice
}

func (e *OrganizationSelectionRequired) Error() string {
	names := make([]string, 0, len(e.Organizations))
	for _, o := range e.Organizations {
		names = append(names, fmt.Sprintf("%s (%s)", o.Name, o.ID))
	}
	return lineBreaks.Replace("choose the organization to sign in to: " + strings.Join(names, ", "))
}

// isInvalidGrant reports whether err is WorkOS refusing a refresh token or code for good.
func isInvalidGrant(err error) bool {
	var r *RefusedError
	return errors.As(err, &r) && r.Code == "invalid_grant"
}
