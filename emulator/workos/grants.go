package workos

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"

	"github.com/panel-dev/panel/emulator/state"
)

// grantCode exchanges a single-use authorization code, checking the PKCE verifier when a challenge was sent.
func (h *Handler) grantCode(w http.ResponseWriter, r *http.Request, p url.Values) {
	if !required(w, p, "code") {
		return
	}
	code, err := h.st.RedeemAuthorizationCode(p.Get("code"))
	if err != nil || code.ClientID != h.opts.ClientID {
		writeOAuthError(w, http.StatusBadRequest, "invalid_grant", "The code has expired or is invalid.")
		return
	}
	if code.CodeChallenge != "" {
		verifier := p.Get("code_verifier")
		if verifier == "" {
			writeOAuthError(w, http.StatusBadRequest, "invalid_request",
				"code_verifier is required: the authorization request sent a code_challenge.")
			return
		}
		sum := sha256.Sum256([]byte(verifier))
		got := base64.RawURLEncoding.EncodeToString(sum[:])
		if subtle.ConstantTimeCompare([]byte(got), []byte(code.CodeChallenge)) != 1 {
			writeOAuthError(w, http.StatusBadRequest, "invalid_grant", "The code_verifier does not match the code_challenge.")
			return
		}
	}
	h.signInUser(w, r, code.UserID, code.OrganizationID, code.AuthenticationMethod)
}

// signInUser ends a fresh sign-in (code or device): it settles the organization, starts the session and
// answers with tokens. orgExternalID "" means: the only membership, none, or — with the selection option
// and several memberships — 403 organization_selection_required.
func (h *Handler) signInUser(w http.ResponseWriter, r *http.Request, userID, orgExternalID, method string) {
	user, ok := h.st.User(userID)
	if !ok {
		writeOAuthError(w, http.StatusBadRequest, "invalid_grant", "The user no longer exists.")
		return
	}
	if orgExternalID == "" {
		orgs := h.st.UserOrganizations(userID)
		if len(orgs) > 1 && h.st.Settings().OrganizationSelectionRequired {
			h.requireOrganizationSelection(w, user, orgs, method)
			return
		}
		if def, ok := h.st.DefaultOrganization(userID); ok {
			orgExternalID = def.ExternalID
		}
	}
	sess, refresh, err := h.st.CreateSession(userID, orgExternalID, method)
	if errors.Is(err, state.ErrNotMember) {
		writeOAuthError(w, http.StatusBadRequest, "organization_membership_not_found",
			"The user is not a member of organization "+orgExternalID+".")
		return
	}
	if err != nil {
		writeOAuthError(w, http.StatusBadRequest, "invalid_grant", err.Error())
		return
	}
	h.writeAuthentication(w, r, sess, refresh)
}

// requireOrganizationSelection answers 403 organization_selection_required, as WorkOS does for a user in
// several organizations when none was chosen.
func (h *Handler) requireOrganizationSelection(w http.ResponseWriter, user state.User, orgs []state.Organization, method string) {
	pending := h.st.CreatePendingAuthentication(user.ID, method)
	type orgInfo struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	list := make([]orgInfo, 0, len(orgs))
	for _, o := range orgs {
		list = append(list, orgInfo{ID: o.ExternalID, Name: o.Name})
	}
	writeJSON(w, http.StatusForbidden, map[string]any{
		"code":                         "organization_selection_required",
		"message":                      "The user must choose an organization to finish their authentication.",
		"pending_authentication_token": pending.Token,
		"organizations":                list,
		"user":                         userJSON(user),
	})
}

// grantRefresh rotates a refresh token; organization_id moves the session to another organization.
func (h *Handler) grantRefresh(w http.ResponseWriter, r *http.Request, p url.Values) {
	if !required(w, p, "refresh_token") {
		return
	}
	orgID := p.Get("organization_id")
	if orgID != "" {
		if org, ok := h.st.Organization(orgID); ok {
			orgID = org.ExternalID
		}
	}
	sess, refresh, err := h.st.RefreshSession(p.Get("refresh_token"), orgID)
	switch {
	case errors.Is(err, state.ErrTokenUsed):
		writeOAuthError(w, http.StatusBadRequest, "invalid_grant", "Refresh token already exchanged.")
	case errors.Is(err, state.ErrSessionRevoked):
		writeOAuthError(w, http.StatusBadRequest, "invalid_grant", "Session has already ended.")
	case errors.Is(err, state.ErrNotMember):
		writeOAuthError(w, http.StatusBadRequest, "organization_membership_not_found",
			"The user is not a member of organization "+orgID+".")
	case err != nil:
		writeOAuthError(w, http.StatusBadRequest, "invalid_grant", "Invalid refresh token.")
	default:
		h.writeAuthentication(w, r, sess, refresh)
	}
}

// grantOrganizationSelection finishes a sign-in that ended in organization_selection_required.
// Its errors use the {code, message} shape.
func (h *Handler) grantOrganizationSelection(w http.ResponseWriter, r *http.Request, p url.Values) {
	if !required(w, p, "pending_authentication_token", "organization_id") {
		return
	}
	if h.st.Settings().SelectionGrantNeedsSecret && p.Get("client_secret") == "" {
		// Only {message}, as WorkOS answers a request its validation refuses.
		writeJSON(w, http.StatusBadRequest, map[string]string{
			"message": "client_secret is required for the organization-selection grant."})
		return
	}
	org, ok := h.st.Organization(p.Get("organization_id"))
	if !ok {
		writeCodeError(w, http.StatusNotFound, "entity_not_found", "Organization not found: "+p.Get("organization_id"))
		return
	}
	pending, err := h.st.RedeemPendingAuthentication(p.Get("pending_authentication_token"), org.ExternalID)
	switch {
	case errors.Is(err, state.ErrNotMember):
		writeCodeError(w, http.StatusBadRequest, "organization_membership_not_found",
			"The user is not a member of organization "+org.ExternalID+".")
	case err != nil:
		writeCodeError(w, http.StatusBadRequest, "invalid_pending_authentication_token",
			"The pending authentication token is invalid or has expired.")
	default:
		h.signInUser(w, r, pending.UserID, org.ExternalID, pending.AuthenticationMethod)
	}
}
