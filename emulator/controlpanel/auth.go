package controlpanel

import (
	"errors"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"

	"github.com/panel-dev/panel/emulator/state"
)

// scope is what a route needs from the token beyond a valid signature.
type scope int

const (
	// accountScope needs the signed-in user only: the token's organization
	// may be absent or deactivated (profile, the user's organizations and
	// invitations, creating an organization, SSO).
	accountScope scope = iota
	// orgScope needs the token's organization live, with the user a member.
	orgScope
	// sessionScope is orgScope plus a live WorkOS session: the current
	// organization endpoint, where clients check for revocation (B10).
	sessionScope
)

// claims are the WorkOS access token claims the API reads.
type claims struct {
	SessionID      string   `json:"sid"`
	OrganizationID string   `json:"org_id"`
	Role           string   `json:"role"`
	Permissions    []string `json:"permissions"`
	jwt.RegisteredClaims
}

// caller is who a request acts as.
type caller struct {
	user   state.User
	claims claims
	org    state.Organization // the token's organization, when hasOrg
	hasOrg bool
}

// authorize runs the checks of a scope, answering the request itself when one fails.
func (h *handler) authorize(w http.ResponseWriter, r *http.Request, sc scope) (*caller, bool) {
	token := bearerToken(r)
	if token == "" {
		unauthorized(w)
		return nil, false
	}
	cl, err := h.verify(r, token)
	if err != nil {
		h.logf("%s %s: token rejected: %v", r.Method, r.URL.Path, err)
		unauthorized(w)
		return nil, false
	}
	user, ok := h.tokenUser(cl)
	if !ok {
		h.logf("%s %s: token for an unknown user", r.Method, r.URL.Path)
		unauthorized(w)
		return nil, false
	}
	if user.Locked {
		forbidden(w, msgAccountLocked)
		return nil, false
	}
	c := &caller{user: user, claims: cl}
	c.org, c.hasOrg = h.tokenOrganization(cl, user)
	if sc == sessionScope {
		if s, ok := h.st.Session(cl.SessionID); ok && s.Revoked {
			forbidden(w, "Session revoked")
			return nil, false
		}
	}
	if sc != accountScope && !h.requireOrganization(w, c) {
		return nil, false
	}
	if !h.checkProjectHeader(w, r, c) {
		return nil, false
	}
	return c, true
}

// verify checks an RS256 token's signature (by kid) and expiry against the
// state's clock, so tests can move time instead of sleeping.
//
//nolint:contextcheck // the key callback's signature takes no context; it uses the request's, r.Context()
func (h *handler) verify(r *http.Request, token string) (claims, error) {
	var cl claims
	parser := jwt.NewParser(jwt.WithValidMethods([]string{"RS256"}), jwt.WithExpirationRequired(),
		jwt.WithTimeFunc(h.st.Now))
	_, err := parser.ParseWithClaims(token, &cl, func(t *jwt.Token) (any, error) {
		kid, _ := t.Header["kid"].(string)
		if kid == "" {
			return nil, errors.New("no kid in the token header")
		}
		return h.keys.key(r.Context(), kid)
	})
	if err == nil && cl.Subject == "" {
		err = errors.New("no sub claim")
	}
	return cl, err
}

// bearerToken reads "Authorization: Bearer <token>", or on a WebSocket
// upgrade the subprotocols "Bearer, <token>" (browsers cannot set headers there).
func bearerToken(r *http.Request) string {
	if token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		return strings.TrimSpace(token)
	}
	if strings.EqualFold(r.Header.Get("Upgrade"), "websocket") {
		var protocols []string
		for _, v := range r.Header.Values("Sec-WebSocket-Protocol") {
			for _, p := range strings.Split(v, ",") {
				protocols = append(protocols, strings.TrimSpace(p))
			}
		}
		if len(protocols) == 2 && protocols[0] == "Bearer" {
			return protocols[1]
		}
	}
	return ""
}

// requireOrganization checks that the token names an organization the user
// still belongs to and that it is live.
func (h *handler) requireOrganization(w http.ResponseWriter, c *caller) bool {
	switch {
	case c.claims.OrganizationID == "":
		// A session without an organization is onboarding, not an error (B23).
		notFound(w, "Organization")
	case !c.hasOrg:
		forbidden(w, msgTokenRejected)
	case !h.isMember(c):
		forbidden(w, "You are not a member of this organization")
	case deactivated(c.org.Status):
		forbidden(w, msgTokenRejected)
	default:
		return true
	}
	return false
}

func (h *handler) isMember(c *caller) bool {
	_, ok := h.st.MembershipOf(c.user.ID, c.org.ID)
	return ok
}

// deactivated statuses make the API reject the organization's tokens.
func deactivated(status string) bool {
	switch status {
	case "DEACTIVATED", "DELETING", "DELETED":
		return true
	}
	return false
}

// projectHeader is the web panel's current project, sent on every request.
const projectHeader = "X-Koyeb-Project-Id"

// checkProjectHeader rejects a project id that is not one of the token's
// organization's projects (the web panel sends a stale one right after a
// switch: a bug clients must not copy). 400 rather than 403 or 404, so that it
// can be told apart from a revoked session and from a missing resource.
func (h *handler) checkProjectHeader(w http.ResponseWriter, r *http.Request, c *caller) bool {
	id := r.Header.Get(projectHeader)
	if id == "" {
		return true
	}
	p, ok := h.st.Project(id)
	if !ok || !c.hasOrg || p.OrganizationID != c.org.ID {
		badRequest(w, "The project does not belong to the current organization",
			fieldError{Field: "x-koyeb-project-id", Description: "is not a project of the current organization"})
		return false
	}
	return true
}
