package workos

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/panel-dev/panel/emulator/state"
)

// authorizeRequest is a checked GET /user_management/authorize.
type authorizeRequest struct {
	query          url.Values
	redirect       *url.URL
	state          string
	challenge      string
	signUp         bool
	organizationID string // as given: external id or id
	loginHint      string
	prompt         string // "login": ask again, whoever this browser signed in
}

// authorizeError is a problem reported to the client by redirect (the redirect_uri itself was fine).
type authorizeError struct{ code, description string }

func (e *authorizeError) Error() string { return e.code + ": " + e.description }

// parseAuthorize checks the query. A bad client or redirect_uri gives a plain error (answered with a 400
// page: the redirect target cannot be trusted); anything else an *authorizeError, sent to the redirect_uri.
func (h *Handler) parseAuthorize(q url.Values) (authorizeRequest, error) {
	req := authorizeRequest{query: q, state: q.Get("state"), challenge: q.Get("code_challenge"),
		signUp: q.Get("screen_hint") == "sign-up", organizationID: q.Get("organization_id"),
		loginHint: q.Get("login_hint"), prompt: q.Get("prompt")}
	if q.Get("client_id") != h.opts.ClientID {
		return req, errors.New("invalid client_id: this emulator serves " + h.opts.ClientID)
	}
	u, err := checkLoopbackURL(q.Get("redirect_uri"))
	if err != nil {
		return req, errors.New("invalid redirect_uri: " + err.Error())
	}
	req.redirect = u
	if rt := q.Get("response_type"); rt != "code" {
		return req, &authorizeError{"unsupported_response_type", "response_type must be code"}
	}
	method := q.Get("code_challenge_method")
	switch {
	case req.challenge == "" && method != "":
		return req, &authorizeError{"invalid_request", "code_challenge_method without code_challenge"}
	case req.challenge != "" && method != "S256":
		return req, &authorizeError{"invalid_request", "code_challenge_method must be S256"}
	}
	if req.organizationID != "" {
		if _, ok := h.st.Organization(req.organizationID); !ok {
			return req, &authorizeError{"invalid_request", "unknown organization_id " + req.organizationID}
		}
	}
	return req, nil
}

// failAuthorize reports a parse error the right way: a page when redirect_uri is unusable, else a redirect.
func failAuthorize(w http.ResponseWriter, r *http.Request, req authorizeRequest, err error) {
	var ae *authorizeError
	if errors.As(err, &ae) && req.redirect != nil {
		redirectError(w, r, req.redirect, req.state, ae.code, ae.description)
		return
	}
	errorPage(w, http.StatusBadRequest, err.Error())
}

// authorize is GET /user_management/authorize: sign in at once, or show the hosted page.
func (h *Handler) authorize(w http.ResponseWriter, r *http.Request) {
	req, err := h.parseAuthorize(r.URL.Query())
	if err != nil {
		failAuthorize(w, r, req, err)
		return
	}
	if h.opts.Interactive {
		if !h.resumeBrowserSession(w, r, req) {
			h.showAuthPage(w, req, http.StatusOK, "")
		}
		return
	}
	h.signInAtOnce(w, r, req)
}

// signInAtOnce is the default mode, like WorkOS's own emulator: the login_hint user (else the seed's first
// user) is signed in without a page; with screen_hint=sign-up the login_hint user is created first.
func (h *Handler) signInAtOnce(w http.ResponseWriter, r *http.Request, req authorizeRequest) {
	var user state.User
	var ok bool
	switch {
	case req.signUp:
		email := req.loginHint
		if email == "" {
			email = "new-user-" + state.RandomToken(4) + "@example.com"
		}
		if user, ok = h.st.UserByEmail(email); !ok {
			var err error
			if user, err = h.st.CreateUser(email, "password", "", ""); err != nil {
				redirectError(w, r, req.redirect, req.state, "server_error", err.Error())
				return
			}
		}
	case req.loginHint != "":
		if user, ok = h.st.UserByEmail(req.loginHint); !ok {
			redirectError(w, r, req.redirect, req.state, "access_denied", "no user with the email "+req.loginHint)
			return
		}
	default:
		if user, ok = h.st.FirstUser(); !ok {
			redirectError(w, r, req.redirect, req.state, "access_denied", "the seed has no users")
			return
		}
	}
	h.issueCode(w, r, req, user, req.organizationID)
}

// issueCode redirects back to the client with a fresh authorization code. orgID "" leaves the organization
// to the code exchange (the default organization, or organization_selection_required).
func (h *Handler) issueCode(w http.ResponseWriter, r *http.Request, req authorizeRequest, user state.User, orgID string) {
	external := ""
	if orgID != "" {
		org, ok := h.st.Organization(orgID)
		if _, member := h.st.MembershipOf(user.ID, orgID); !ok || !member {
			redirectError(w, r, req.redirect, req.state, "access_denied",
				user.Email+" is not a member of organization "+orgID)
			return
		}
		external = org.ExternalID
	}
	code := h.st.CreateAuthorizationCode(state.AuthorizationCode{
		ClientID: h.opts.ClientID, UserID: user.ID, OrganizationID: external,
		RedirectURI: req.redirect.String(), CodeChallenge: req.challenge, AuthenticationMethod: "Password",
	})
	redirectWith(w, r, req.redirect, req.state, map[string]string{"code": code.Code})
}
