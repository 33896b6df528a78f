package controlpanel

import (
	"errors"
	"net/http"
	"net/mail"
	"strings"

	"github.com/panel-dev/panel/emulator/state"
)

// listInvitations is ListOrganizationInvitations: what the token's
// organization sent, filtered by statuses; with user_id (which may only be the
// caller's own id, as the spec says) the invitations the caller received
// instead. Paginated with count.
func (h *handler) listInvitations(w http.ResponseWriter, r *http.Request, c *caller) {
	h.listInvitationsOf(w, r, func() ([]state.Invitation, bool) {
		switch userID := r.URL.Query().Get("user_id"); userID {
		case "":
			return h.st.Invitations(c.org.ID), true
		case c.user.ID:
			return h.st.ReceivedInvitations(c.user.Email), true
		default:
			badField(w, "user_id", "the only valid value is your own user id")
			return nil, false
		}
	})
}

// listInvitationsOf answers a list of invitations: the page and statuses of r
// are checked first, then list gives the invitations (or answers itself and
// reports false); the page of those with the statuses is written.
func (h *handler) listInvitationsOf(w http.ResponseWriter, r *http.Request, list func() ([]state.Invitation, bool)) {
	p, ok := readPage(w, r)
	if !ok {
		return
	}
	statuses, ok := readStatuses(w, r, "statuses", invitationStatuses)
	if !ok {
		return
	}
	invitations, ok := list()
	if !ok {
		return
	}
	h.writeInvitations(w, p, filterInvitations(invitations, statuses))
}

func filterInvitations(all []state.Invitation, statuses map[string]bool) []state.Invitation {
	var kept []state.Invitation
	for _, i := range all {
		if statuses == nil || statuses[i.Status] {
			kept = append(kept, i)
		}
	}
	return kept
}

func (h *handler) writeInvitations(w http.ResponseWriter, p page, invitations []state.Invitation) {
	out, _ := pageOf(p, invitations, h.toInvitation)
	writeJSON(w, http.StatusOK, map[string]any{"invitations": out, "limit": p.limit, "offset": p.offset,
		"count": len(invitations)})
}

// sentInvitation finds an invitation of the token's organization, answering
// 404 itself for any other.
func (h *handler) sentInvitation(w http.ResponseWriter, r *http.Request, c *caller) (state.Invitation, bool) {
	return h.invitationWhere(w, r, func(i state.Invitation) bool { return i.OrganizationID == c.org.ID })
}

// invitationWhere finds the invitation of the path's id when mine says it is
// the caller's to see, answering 404 itself otherwise.
func (h *handler) invitationWhere(w http.ResponseWriter, r *http.Request, mine func(state.Invitation) bool) (state.Invitation, bool) {
	i, ok := h.st.Invitation(r.PathValue("id"))
	if !ok || !mine(i) {
		notFound(w, "Invitation")
		return state.Invitation{}, false
	}
	return i, true
}

// createInvitation is CreateOrganizationInvitation: one email per call, as a
// member. A member or an already pending invitation is a 400 on "email".
func (h *handler) createInvitation(w http.ResponseWriter, r *http.Request, c *caller) {
	var body struct {
		Email string `json:"email"`
	}
	if !readBody(w, r, &body) {
		return
	}
	email := strings.ToLower(strings.TrimSpace(body.Email))
	if addr, err := mail.ParseAddress(email); err != nil || addr.Address != email {
		badField(w, "email", "is not a valid email address")
		return
	}
	if u, ok := h.st.UserByEmail(email); ok {
		if _, member := h.st.MembershipOf(u.ID, c.org.ID); member {
			badField(w, "email", "is already a member of this organization")
			return
		}
	}
	i, err := h.st.CreateInvitation(c.org.ID, c.user.ID, email, state.RoleMember)
	if errors.Is(err, state.ErrAlreadyExists) {
		badField(w, "email", "has already been invited")
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, codeInternal, "Could not create the invitation")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"invitation": h.toInvitation(i)})
}

// getInvitation is GetOrganizationInvitation.
func (h *handler) getInvitation(w http.ResponseWriter, r *http.Request, c *caller) {
	if i, ok := h.sentInvitation(w, r, c); ok {
		writeJSON(w, http.StatusOK, map[string]any{"invitation": h.toInvitation(i)})
	}
}

// deleteInvitation is DeleteOrganizationInvitation (revoke); the reply is {}.
func (h *handler) deleteInvitation(w http.ResponseWriter, r *http.Request, c *caller) {
	i, ok := h.sentInvitation(w, r, c)
	if !ok {
		return
	}
	if _, err := h.st.DeleteInvitation(i.ID); err != nil {
		notFound(w, "Invitation")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{})
}

// resendInvitation is ResendOrganizationInvitation: pending again, with a
// fresh expiry. An accepted invitation cannot be resent.
func (h *handler) resendInvitation(w http.ResponseWriter, r *http.Request, c *caller) {
	var body struct{}
	if !readBody(w, r, &body) {
		return
	}
	i, ok := h.sentInvitation(w, r, c)
	if !ok {
		return
	}
	if i.Status == state.InvitationAccepted {
		badRequest(w, "The invitation was already accepted")
		return
	}
	resent, err := h.st.ResendInvitation(i.ID)
	if err != nil {
		notFound(w, "Invitation")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"invitation": h.toInvitation(resent)})
}
