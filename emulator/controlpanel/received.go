package controlpanel

import (
	"errors"
	"net/http"

	"github.com/panel-dev/panel/emulator/state"
)

// listReceivedInvitations is ListUserOrganizationInvitations: invitations sent
// to the caller's email, filtered by statuses. Paginated with count.
func (h *handler) listReceivedInvitations(w http.ResponseWriter, r *http.Request, c *caller) {
	h.listInvitationsOf(w, r, func() ([]state.Invitation, bool) {
		return h.st.ReceivedInvitations(c.user.Email), true
	})
}

// receivedInvitation finds an invitation sent to the caller, answering 404
// itself for any other (someone else's invitation is not revealed).
func (h *handler) receivedInvitation(w http.ResponseWriter, r *http.Request, c *caller) (state.Invitation, bool) {
	return h.invitationWhere(w, r, func(i state.Invitation) bool { return i.Email == c.user.Email })
}

// getReceivedInvitation is GetUserOrganizationInvitation.
func (h *handler) getReceivedInvitation(w http.ResponseWriter, r *http.Request, c *caller) {
	if i, ok := h.receivedInvitation(w, r, c); ok {
		writeJSON(w, http.StatusOK, map[string]any{"invitation": h.toInvitation(i)})
	}
}

// acceptInvitation is AcceptOrganizationInvitation: the caller becomes a
// member (the client then switches into the organization through WorkOS).
func (h *handler) acceptInvitation(w http.ResponseWriter, r *http.Request, c *caller) {
	h.answerInvitation(w, r, c, func(id string) (state.Invitation, error) {
		i, _, err := h.st.AcceptInvitation(id, c.user.ID)
		return i, err
	})
}

// declineInvitation is DeclineOrganizationInvitation: the invitation becomes REFUSED.
func (h *handler) declineInvitation(w http.ResponseWriter, r *http.Request, c *caller) {
	h.answerInvitation(w, r, c, func(id string) (state.Invitation, error) {
		return h.st.DeclineInvitation(id, c.user.ID)
	})
}

func (h *handler) answerInvitation(w http.ResponseWriter, r *http.Request, c *caller,
	answer func(id string) (state.Invitation, error)) {
	var body struct{}
	if !readBody(w, r, &body) {
		return
	}
	i, ok := h.receivedInvitation(w, r, c)
	if !ok {
		return
	}
	answered, err := answer(i.ID)
	switch {
	case errors.Is(err, state.ErrExpired):
		badRequest(w, "The invitation is no longer pending")
	case err != nil:
		notFound(w, "Invitation")
	default:
		writeJSON(w, http.StatusOK, map[string]any{"invitation": h.toInvitation(answered)})
	}
}
