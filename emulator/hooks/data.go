package hooks

import (
	"net/http"
	"time"

	"github.com/panel-dev/panel/emulator/state"
)

// sessionView is a session as the hooks show it: no token ever.
type sessionView struct {
	ID             string    `json:"id"`
	UserID         string    `json:"user_id"`
	Email          string    `json:"email"`
	OrganizationID string    `json:"organization_id"`
	Revoked        bool      `json:"revoked"`
	Refreshes      int       `json:"refreshes"`
	CreatedAt      time.Time `json:"created_at"`
}

func (h *hooks) sessions(w http.ResponseWriter, _ *http.Request) {
	out := []sessionView{}
	for _, s := range h.st.Sessions() {
		u, _ := h.st.User(s.UserID)
		out = append(out, sessionView{ID: s.ID, UserID: s.UserID, Email: u.Email, OrganizationID: s.OrganizationID,
			Revoked: s.Revoked, Refreshes: s.Refreshes, CreatedAt: s.CreatedAt})
	}
	writeJSON(w, http.StatusOK, out)
}

func (h *hooks) revokeSessions(w http.ResponseWriter, r *http.Request) {
	var body struct {
		SessionID string `json:"session_id"`
		Email     string `json:"email"`
	}
	if !decode(w, r, &body) {
		return
	}
	switch {
	case body.SessionID != "":
		if _, err := h.st.RevokeSession(body.SessionID); err != nil {
			stateError(w, err)
			return
		}
		writeJSON(w, http.StatusOK, map[string]int{"revoked": 1})
	case body.Email != "":
		u, ok := h.st.UserByEmail(body.Email)
		if !ok {
			writeError(w, http.StatusNotFound, "no user with that email")
			return
		}
		writeJSON(w, http.StatusOK, map[string]int{"revoked": h.st.RevokeUserSessions(u.ID)})
	default:
		writeError(w, http.StatusBadRequest, "session_id or email is required")
	}
}

func (h *hooks) removeMembership(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Email          string `json:"email"`
		OrganizationID string `json:"organization_id"`
	}
	if !decode(w, r, &body) {
		return
	}
	u, ok := h.st.UserByEmail(body.Email)
	if !ok {
		writeError(w, http.StatusNotFound, "no user with that email")
		return
	}
	m, err := h.st.RemoveUserFromOrganization(u.ID, body.OrganizationID)
	if err != nil {
		stateError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"membership_id": m.ID, "organization_id": m.OrganizationID})
}

func (h *hooks) deactivateOrganization(w http.ResponseWriter, r *http.Request) {
	var body struct {
		OrganizationID string `json:"organization_id"`
	}
	if !decode(w, r, &body) {
		return
	}
	h.writeOrganization(w, body.OrganizationID, state.OrganizationDeactivated)
}

func (h *hooks) setOrganizationStatus(w http.ResponseWriter, r *http.Request) {
	var body struct {
		OrganizationID string `json:"organization_id"`
		Status         string `json:"status"`
	}
	if !decode(w, r, &body) {
		return
	}
	if body.Status == "" {
		writeError(w, http.StatusBadRequest, "status is required")
		return
	}
	h.writeOrganization(w, body.OrganizationID, body.Status)
}

func (h *hooks) writeOrganization(w http.ResponseWriter, orgID, status string) {
	o, err := h.st.SetOrganizationStatus(orgID, status)
	if err != nil {
		stateError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"id": o.ID, "external_id": o.ExternalID, "status": o.Status})
}

func (h *hooks) lockAccount(w http.ResponseWriter, r *http.Request) {
	body := struct {
		Email  string `json:"email"`
		Locked *bool  `json:"locked"`
	}{}
	if !decode(w, r, &body) {
		return
	}
	locked := body.Locked == nil || *body.Locked
	u, err := h.st.SetUserLocked(body.Email, locked)
	if err != nil {
		stateError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"email": u.Email, "locked": u.Locked})
}

func (h *hooks) settings(w http.ResponseWriter, r *http.Request) {
	var body struct {
		OrganizationSelectionRequired *bool `json:"organization_selection_required"`
		SelectionGrantNeedsSecret     *bool `json:"selection_grant_needs_secret"`
	}
	if !decode(w, r, &body) {
		return
	}
	if body.OrganizationSelectionRequired != nil {
		h.st.SetOrganizationSelectionRequired(*body.OrganizationSelectionRequired)
	}
	if body.SelectionGrantNeedsSecret != nil {
		h.st.SetSelectionGrantNeedsSecret(*body.SelectionGrantNeedsSecret)
	}
	s := h.st.Settings()
	writeJSON(w, http.StatusOK, map[string]bool{"organization_selection_required": s.OrganizationSelectionRequired,
		"selection_grant_needs_secret": s.SelectionGrantNeedsSecret})
}
