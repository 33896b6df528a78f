package controlpanel

import (
	"net/http"

	"github.com/panel-dev/panel/emulator/state"
)

// listMembers is ListOrganizationMembers. With user_id set to the caller and no
// organization_id it lists the caller's own memberships across organizations
// (filtered by organization_statuses), as the web panel does; otherwise the
// members of the token's organization, optionally the one with user_id.
// Paginated with count.
func (h *handler) listMembers(w http.ResponseWriter, r *http.Request, c *caller) {
	p, ok := readPage(w, r)
	if !ok {
		return
	}
	orgStatuses, ok := readStatuses(w, r, "organization_statuses", organizationStatuses)
	if !ok {
		return
	}
	q := r.URL.Query()
	orgID, userID := q.Get("organization_id"), q.Get("user_id")
	var members []state.Membership
	if orgID == "" && userID == c.user.ID {
		members = h.st.UserMemberships(c.user.ID)
	} else {
		if !h.requireOrganization(w, c) {
			return
		}
		if orgID != "" && !c.isCurrentOrganization(orgID) {
			forbidden(w, "Only the members of the current organization can be listed")
			return
		}
		for _, m := range h.st.Memberships(c.org.ID) {
			if userID == "" || m.UserID == userID {
				members = append(members, m)
			}
		}
	}
	var kept []state.Membership
	for _, m := range members {
		if orgStatuses != nil {
			if o, ok := h.st.Organization(m.OrganizationID); !ok || !orgStatuses[o.Status] {
				continue
			}
		}
		kept = append(kept, m)
	}
	out, _ := pageOf(p, kept, h.toMember)
	writeJSON(w, http.StatusOK, map[string]any{"members": out, "limit": p.limit, "offset": p.offset,
		"count": len(kept)})
}

// removeMember is RemoveOrganizationMember: an owner removes anyone, anyone
// removes themselves (leaving). The removed user loses access to the
// organization at once: their tokens for it get 403. The last owner cannot go.
func (h *handler) removeMember(w http.ResponseWriter, r *http.Request, c *caller) {
	m, ok := h.st.Membership(r.PathValue("id"))
	if !ok || m.OrganizationID != c.org.ID {
		notFound(w, "Member")
		return
	}
	self, _ := h.st.MembershipOf(c.user.ID, c.org.ID)
	if m.UserID != c.user.ID && self.Role != state.RoleOwner {
		forbidden(w, "Only an owner can remove other members")
		return
	}
	if m.Role == state.RoleOwner && h.owners(c.org.ID) == 1 {
		badRequest(w, "The last owner cannot leave the organization")
		return
	}
	removed, err := h.st.RemoveMembership(m.ID)
	if err != nil {
		notFound(w, "Member")
		return
	}
	out := h.toMember(removed)
	out.Status = "DELETED"
	writeJSON(w, http.StatusOK, map[string]any{"member": out})
}

func (h *handler) owners(orgID string) int {
	n := 0
	for _, m := range h.st.Memberships(orgID) {
		if m.Role == state.RoleOwner {
			n++
		}
	}
	return n
}
