package controlpanel

import "net/http"

// getProfile is GetCurrentUser: the signed-in user, whatever the organization.
func (h *handler) getProfile(w http.ResponseWriter, _ *http.Request, c *caller) {
	writeJSON(w, http.StatusOK, map[string]any{"user": toUser(c.user)})
}
