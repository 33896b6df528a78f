package workos

import (
	"encoding/json"
	"mime"
	"net/http"
	"net/url"
	"strings"
)

// Grant types accepted by POST /user_management/authenticate.
const (
	grantAuthorizationCode     = "authorization_code"
	grantRefreshToken          = "refresh_token"
	grantDeviceCode            = "urn:ietf:params:oauth:grant-type:device_code"
	grantOrganizationSelection = "urn:workos:oauth:grant-type:organization-selection"
)

// authenticate is POST /user_management/authenticate, JSON or form-encoded. client_secret is ignored:
// the emulator serves a public client, and an empty or absent secret is fine.
func (h *Handler) authenticate(w http.ResponseWriter, r *http.Request) {
	p, err := readParams(r)
	if err != nil {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "the body is neither JSON nor a form: "+err.Error())
		return
	}
	switch {
	case p.Get("client_id") == "":
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "client_id is required.")
		return
	case p.Get("client_id") != h.opts.ClientID:
		writeOAuthError(w, http.StatusUnauthorized, "invalid_client", "Invalid client ID.")
		return
	}
	switch p.Get("grant_type") {
	case grantAuthorizationCode:
		h.grantCode(w, r, p)
	case grantRefreshToken:
		h.grantRefresh(w, r, p)
	case grantDeviceCode:
		h.grantDevice(w, r, p)
	case grantOrganizationSelection:
		h.grantOrganizationSelection(w, r, p)
	case "":
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", "grant_type is required.")
	default:
		writeOAuthError(w, http.StatusBadRequest, "unsupported_grant_type",
			"The grant type "+p.Get("grant_type")+" is not supported.")
	}
}

// readParams reads a JSON object (string, number and boolean values) or a form into url.Values.
func readParams(r *http.Request) (url.Values, error) {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct != "application/json" {
		if err := r.ParseForm(); err != nil {
			return nil, err
		}
		return r.PostForm, nil
	}
	var body map[string]any
	if err := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 1<<20)).Decode(&body); err != nil {
		return nil, err
	}
	v := url.Values{}
	for k, val := range body {
		switch x := val.(type) {
		case string:
			v.Set(k, x)
		case bool, float64:
			b, _ := json.Marshal(x)
			v.Set(k, string(b))
		}
	}
	return v, nil
}

// required reports the first missing parameter as invalid_request; true when all are present.
func required(w http.ResponseWriter, p url.Values, names ...string) bool {
	var missing []string
	for _, n := range names {
		if p.Get(n) == "" {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		writeOAuthError(w, http.StatusBadRequest, "invalid_request", strings.Join(missing, ", ")+" is required.")
		return false
	}
	return true
}
