package workos

import (
	"net/http"
	"time"

	"github.com/panel-dev/panel/emulator/state"
)

// authenticationResponse is WorkOS's answer to a successful authenticate call.
type authenticationResponse struct {
	User                 map[string]any `json:"user"`
	OrganizationID       *string        `json:"organization_id"`
	AccessToken          string         `json:"access_token"`
	RefreshToken         string         `json:"refresh_token"`
	AuthenticationMethod string         `json:"authentication_method"`
	Impersonator         any            `json:"impersonator"`
}

func (h *Handler) writeAuthentication(w http.ResponseWriter, r *http.Request, sess state.Session, refresh string) {
	user, ok := h.st.User(sess.UserID)
	if !ok {
		writeOAuthError(w, http.StatusBadRequest, "invalid_grant", "The user no longer exists.")
		return
	}
	access, err := h.sign(r, sess)
	if err != nil {
		writeOAuthError(w, http.StatusInternalServerError, "server_error", "signing failed")
		return
	}
	resp := authenticationResponse{User: userJSON(user), AccessToken: access, RefreshToken: refresh,
		AuthenticationMethod: sess.AuthenticationMethod}
	if sess.OrganizationID != "" {
		org := sess.OrganizationID
		resp.OrganizationID = &org
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, resp)
}

// userJSON is a WorkOS User object.
func userJSON(u state.User) map[string]any {
	return map[string]any{
		"object":              "user",
		"id":                  u.ID,
		"email":               u.Email,
		"first_name":          u.FirstName,
		"last_name":           u.LastName,
		"email_verified":      u.EmailVerified,
		"profile_picture_url": nil,
		"last_sign_in_at":     nil,
		"external_id":         nil,
		"metadata":            map[string]string{},
		"created_at":          u.CreatedAt.UTC().Format(time.RFC3339Nano),
		"updated_at":          u.UpdatedAt.UTC().Format(time.RFC3339Nano),
	}
}
