package workos

import (
	"net/http"
	"strings"
	"sync"

	"github.com/panel-dev/panel/emulator/state"
)

// AuthKit remembers who signed in on the hosted pages, in a cookie: the next authorize in that browser
// signs the same user in without asking, unless the client sends prompt=login (how a CLI signs in as
// someone else). The emulator does the same in --interactive mode.

const browserSessionCookie = "wos_authkit_session"

// browserSessions maps a browser's cookie to the user it signed in.
type browserSessions struct {
	mu    sync.Mutex
	users map[string]string // cookie value → user id
}

// remember sets the cookie of a browser that just signed user in.
func (b *browserSessions) remember(w http.ResponseWriter, user state.User) {
	token := state.RandomToken(16)
	b.mu.Lock()
	if b.users == nil {
		b.users = map[string]string{}
	}
	b.users[token] = user.ID
	b.mu.Unlock()
	//nolint:gosec // G124: the emulator serves plain http on loopback; a Secure cookie would never come back
	http.SetCookie(w, &http.Cookie{Name: browserSessionCookie, Value: token, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode})
}

// user is who this browser signed in, if anyone.
func (b *browserSessions) user(r *http.Request) (string, bool) {
	c, err := r.Cookie(browserSessionCookie)
	if err != nil {
		return "", false
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	id, ok := b.users[c.Value]
	return id, ok
}

// resumeBrowserSession signs in the user this browser already signed in, as AuthKit does when the
// authorize request does not say prompt=login; false when there is none to resume.
func (h *Handler) resumeBrowserSession(w http.ResponseWriter, r *http.Request, req authorizeRequest) bool {
	if req.prompt == "login" || req.signUp {
		return false
	}
	id, ok := h.browser.user(r)
	if !ok {
		return false
	}
	user, ok := h.st.User(id)
	if !ok || user.Locked || (req.loginHint != "" && !strings.EqualFold(req.loginHint, user.Email)) {
		return false // someone else was asked for: the page asks
	}
	h.continueAs(w, r, req, user)
	return true
}

// continueAs ends a hosted sign-in of user: into the asked organization, else the picker when the user
// has several (and WorkOS is not asked to leave the choice to the client), else a code.
func (h *Handler) continueAs(w http.ResponseWriter, r *http.Request, req authorizeRequest, user state.User) {
	if req.organizationID != "" {
		h.issueCode(w, r, req, user, req.organizationID)
		return
	}
	orgs := h.st.UserOrganizations(user.ID)
	if len(orgs) > 1 && !h.st.Settings().OrganizationSelectionRequired {
		pending := h.st.CreatePendingAuthentication(user.ID, "Password")
		h.showPicker(w, req, user, pending.Token, orgs, http.StatusOK, "")
		return
	}
	h.issueCode(w, r, req, user, "")
}
