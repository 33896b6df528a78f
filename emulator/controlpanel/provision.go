package controlpanel

import "github.com/panel-dev/panel/emulator/state"

// tokenUser is the user a verified token names. Behind another WorkOS
// (JWKSURL) the data set has never seen its users or organizations, so they
// are provisioned on first use, as the real control panel does.
func (h *handler) tokenUser(cl claims) (state.User, bool) {
	if u, ok := h.st.User(cl.Subject); ok {
		return u, true
	}
	if h.opts.JWKSURL == "" {
		return state.User{}, false
	}
	return h.st.ProvisionUser(cl.Subject), true
}

// tokenOrganization is the organization a token's org_id names, if any.
func (h *handler) tokenOrganization(cl claims, user state.User) (state.Organization, bool) {
	if cl.OrganizationID == "" {
		return state.Organization{}, false
	}
	if o, ok := h.st.Organization(cl.OrganizationID); ok || h.opts.JWKSURL == "" {
		return o, ok
	}
	o, err := h.st.ProvisionOrganization(cl.OrganizationID, user.ID, cl.Role)
	return o, err == nil
}
