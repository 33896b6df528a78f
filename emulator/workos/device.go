package workos

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/panel-dev/panel/emulator/state"
)

// deviceAuthorization is POST /user_management/authorize/device (public: client_id only).
func (h *Handler) deviceAuthorization(w http.ResponseWriter, r *http.Request) {
	p, err := readParams(r)
	if err != nil {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "the body is neither JSON nor a form")
		return
	}
	if p.Get("client_id") != h.opts.ClientID {
		writeOAuthError(w, http.StatusBadRequest, "invalid_client", "Invalid client ID.")
		return
	}
	d := h.st.CreateDeviceCode(h.opts.ClientID, deviceCodeLifetime, h.opts.DevicePollInterval)
	verify := baseURL(r) + "/device"
	writeJSON(w, http.StatusOK, map[string]any{
		"device_code":               d.DeviceCode,
		"user_code":                 d.UserCode,
		"verification_uri":          verify,
		"verification_uri_complete": verify + "?user_code=" + url.QueryEscape(d.UserCode),
		// Numbers in WorkOS's spec: a sub-second interval goes out with its fraction (0.25).
		"expires_in": deviceCodeLifetime.Seconds(),
		"interval":   d.Interval.Seconds(),
	})
}

// grantDevice answers one poll of the device-code grant.
func (h *Handler) grantDevice(w http.ResponseWriter, r *http.Request, p url.Values) {
	if !required(w, p, "device_code") {
		return
	}
	d, err := h.st.PollDeviceCode(p.Get("device_code"))
	switch {
	case errors.Is(err, state.ErrPending):
		writeOAuthError(w, http.StatusBadRequest, "authorization_pending", "The user has not yet approved this device.")
	case errors.Is(err, state.ErrSlowDown):
		writeOAuthError(w, http.StatusBadRequest, "slow_down", "Polling too fast; wait longer between requests.")
	case errors.Is(err, state.ErrDenied):
		writeOAuthError(w, http.StatusBadRequest, "access_denied", "The user denied this device.")
	case errors.Is(err, state.ErrExpired):
		writeOAuthError(w, http.StatusBadRequest, "expired_token", "The device code has expired.")
	case err != nil:
		writeOAuthError(w, http.StatusBadRequest, "invalid_grant", "The device code is invalid.")
	default:
		h.signInUser(w, r, d.UserID, d.OrganizationID, d.AuthenticationMethod)
	}
}

// deviceVerifyPage is the verification URI. In the default mode a known user_code is approved at once for
// the seed's first user (or ?email=); otherwise it shows the form (code, and in interactive mode the
// credentials, with Approve and Deny).
func (h *Handler) deviceVerifyPage(w http.ResponseWriter, r *http.Request) {
	code := r.URL.Query().Get("user_code")
	if code != "" && !h.opts.Interactive && r.URL.Query().Get("action") != "deny" {
		h.finishDevice(w, code, "approve", r.URL.Query().Get("email"), "")
		return
	}
	renderPage(w, http.StatusOK, "device", page{Title: "Sign in on your device", UserCode: code,
		Interactive: h.opts.Interactive, Email: r.URL.Query().Get("email")})
}

// deviceVerify is the verify form's POST (user_code, action=approve|deny, email, password).
func (h *Handler) deviceVerify(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		errorPage(w, http.StatusBadRequest, "unreadable form")
		return
	}
	f := r.PostForm
	h.finishDevice(w, f.Get("user_code"), f.Get("action"), f.Get("email"), f.Get("password"))
}

func (h *Handler) finishDevice(w http.ResponseWriter, code, action, email, password string) {
	if _, ok := h.st.DeviceCodeByUserCode(code); !ok {
		renderPage(w, http.StatusNotFound, "device", page{Title: "Sign in on your device", UserCode: code,
			Interactive: h.opts.Interactive, Email: email, Error: "That code is unknown or has expired."})
		return
	}
	if action == "deny" {
		_, _ = h.st.DenyDeviceCode(code)
		renderPage(w, http.StatusOK, "message", page{Title: "Device denied",
			Message: "The device was not signed in. You can close this tab."})
		return
	}
	user, problem := h.deviceUser(email, password)
	if problem != "" {
		renderPage(w, http.StatusUnauthorized, "device", page{Title: "Sign in on your device", UserCode: code,
			Interactive: h.opts.Interactive, Email: email, Error: problem})
		return
	}
	if _, err := h.st.ApproveDeviceCode(code, user.ID, "", "Password"); err != nil {
		errorPage(w, http.StatusConflict, "This code was already used.")
		return
	}
	renderPage(w, http.StatusOK, "message", page{Title: "Device approved",
		Message: "Signed in as " + user.Email + ". Return to your terminal; you can close this tab."})
}

// deviceUser is who approves: checked credentials in interactive mode, else the email given or the first user.
func (h *Handler) deviceUser(email, password string) (state.User, string) {
	if h.opts.Interactive {
		u, err := h.st.CheckPassword(email, password)
		if err != nil {
			return state.User{}, "Incorrect email or password."
		}
		return u, ""
	}
	if email != "" {
		if u, ok := h.st.UserByEmail(email); ok {
			return u, ""
		}
		return state.User{}, "No user with the email " + email + "."
	}
	u, ok := h.st.FirstUser()
	if !ok {
		return state.User{}, "The seed has no users."
	}
	return u, ""
}
