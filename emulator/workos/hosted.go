package workos

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/panel-dev/panel/emulator/state"
)

// The hosted pages (--interactive): email and password, sign-up, and an organization picker. Each form
// carries the original authorize query in "q", which is checked again on every step.

func (h *Handler) showAuthPage(w http.ResponseWriter, req authorizeRequest, status int, problem string) {
	p := page{Query: req.query.Encode(), Email: req.loginHint, Error: problem}
	if req.signUp {
		p.Title = "Create your account"
		renderPage(w, status, "sign-up", p)
		return
	}
	p.Title = "Sign in"
	for k, vs := range req.query {
		if k != "screen_hint" {
			p.SignUpParams = append(p.SignUpParams, param{k, vs[0]})
		}
	}
	p.SignUpParams = append(p.SignUpParams, param{"screen_hint", "sign-up"})
	renderPage(w, status, "sign-in", p)
}

// formRequest re-reads the authorize request a hosted form carries.
func (h *Handler) formRequest(w http.ResponseWriter, r *http.Request) (authorizeRequest, bool) {
	if err := r.ParseForm(); err != nil {
		errorPage(w, http.StatusBadRequest, "unreadable form")
		return authorizeRequest{}, false
	}
	q, err := url.ParseQuery(r.PostForm.Get("q"))
	if err != nil {
		errorPage(w, http.StatusBadRequest, "the sign-in form lost its request; start again from the application")
		return authorizeRequest{}, false
	}
	req, err := h.parseAuthorize(q)
	if err != nil {
		failAuthorize(w, r, req, err)
		return req, false
	}
	return req, true
}

// signIn checks email and password, then issues a code or shows the organization picker.
func (h *Handler) signIn(w http.ResponseWriter, r *http.Request) {
	req, ok := h.formRequest(w, r)
	if !ok {
		return
	}
	req.loginHint = r.PostForm.Get("email")
	user, err := h.st.CheckPassword(req.loginHint, r.PostForm.Get("password"))
	if err != nil {
		h.showAuthPage(w, req, http.StatusUnauthorized, "Incorrect email or password.")
		return
	}
	h.browser.remember(w, user)
	h.continueAs(w, r, req, user)
}

func (h *Handler) showPicker(w http.ResponseWriter, req authorizeRequest, user state.User, token string,
	orgs []state.Organization, status int, problem string) {
	p := page{Title: "Choose an organization", Query: req.query.Encode(), Email: user.Email,
		PendingToken: token, Error: problem}
	for _, o := range orgs {
		p.Organizations = append(p.Organizations, orgChoice{ID: o.ExternalID, Name: o.Name})
	}
	renderPage(w, status, "organization", p)
}

// pickOrganization finishes a hosted sign-in in the chosen organization.
func (h *Handler) pickOrganization(w http.ResponseWriter, r *http.Request) {
	req, ok := h.formRequest(w, r)
	if !ok {
		return
	}
	token, orgID := r.PostForm.Get("pending_authentication_token"), r.PostForm.Get("organization_id")
	pending, err := h.st.RedeemPendingAuthentication(token, orgID)
	if errors.Is(err, state.ErrNotMember) {
		p, _ := h.st.PendingAuthentication(token)
		user, _ := h.st.User(p.UserID)
		h.showPicker(w, req, user, token, h.st.UserOrganizations(user.ID), http.StatusBadRequest,
			"You are not a member of that organization.")
		return
	}
	if err != nil {
		redirectError(w, r, req.redirect, req.state, "access_denied", "the sign-in expired; start again")
		return
	}
	user, _ := h.st.User(pending.UserID)
	h.issueCode(w, r, req, user, orgID)
}

// signUp creates the account, then issues a code (a new user has no organization yet).
func (h *Handler) signUp(w http.ResponseWriter, r *http.Request) {
	req, ok := h.formRequest(w, r)
	if !ok {
		return
	}
	req.signUp = true
	email := strings.TrimSpace(r.PostForm.Get("email"))
	req.loginHint = email
	password := r.PostForm.Get("password")
	if !strings.Contains(email, "@") || password == "" {
		h.showAuthPage(w, req, http.StatusBadRequest, "Enter an email address and a password.")
		return
	}
	user, err := h.st.CreateUser(email, password, r.PostForm.Get("first_name"), r.PostForm.Get("last_name"))
	if err != nil {
		h.showAuthPage(w, req, http.StatusConflict, "An account with this email already exists.")
		return
	}
	h.browser.remember(w, user)
	h.issueCode(w, r, req, user, req.organizationID)
}
