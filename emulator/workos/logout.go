package workos

import "net/http"

// logout is GET /user_management/sessions/logout?session_id=…[&return_to=…]: it ends the session (its
// refresh tokens stop working and the API half rejects its access tokens on /v1/account/organization),
// then redirects to return_to (a loopback URL) or shows a signed-out page.
func (h *Handler) logout(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	id := q.Get("session_id")
	if id == "" {
		errorPage(w, http.StatusBadRequest, "session_id is required")
		return
	}
	returnTo := q.Get("return_to")
	if returnTo != "" {
		if _, err := checkLoopbackURL(returnTo); err != nil {
			errorPage(w, http.StatusBadRequest, "invalid return_to: "+err.Error())
			return
		}
	}
	if _, err := h.st.RevokeSession(id); err != nil {
		errorPage(w, http.StatusNotFound, "No such session.")
		return
	}
	if returnTo != "" {
		http.Redirect(w, r, returnTo, http.StatusFound) //nolint:gosec // G710: checkLoopbackURL allowed it above
		return
	}
	renderPage(w, http.StatusOK, "message", page{Title: "Signed out", Message: "You are signed out. You can close this tab."})
}
