// Package workos is the emulator's WorkOS User Management half: the AuthKit authorize endpoint (signing in at
// once, or hosted HTML pages), the authenticate endpoint with its grants (authorization code with PKCE, rotating
// refresh tokens, device code, organization selection), RS256 access tokens and their JWKS, the device
// authorization flow and session logout. It reads and writes the shared emulator state.
package workos

import (
	"net/http"
	"time"

	"github.com/panel-dev/panel/emulator/state"
)

// Options configure the WorkOS half.
type Options struct {
	// ClientID is the only client accepted ("" = the seed's client id).
	ClientID string
	// Interactive serves hosted sign-in pages instead of signing the default user in at once.
	Interactive bool
	// AccessTokenTTL is the access tokens' lifetime (0 = 5 minutes, as in production).
	AccessTokenTTL time.Duration
	// DevicePollInterval is the device flow's polling interval (0 = 5 seconds; a JSON number of seconds,
	// with a fraction when it is not whole).
	DevicePollInterval time.Duration
	// Keys signs access tokens (nil = a fresh RSA key).
	Keys *Keys
}

// Device flow lifetimes.
const (
	deviceCodeLifetime        = 5 * time.Minute
	defaultDevicePollInterval = 5 * time.Second
	defaultAccessTokenTTL     = 5 * time.Minute
)

// Handler serves the WorkOS endpoints.
type Handler struct {
	st   *state.State
	opts Options
	keys *Keys
	mux  *http.ServeMux
	// browser remembers who signed in on the hosted pages (the AuthKit session of a browser).
	browser browserSessions
}

// New builds the WorkOS half over the shared state.
func New(st *state.State, opts Options) (*Handler, error) {
	if opts.ClientID == "" {
		opts.ClientID = st.Settings().ClientID
	}
	if opts.AccessTokenTTL <= 0 {
		opts.AccessTokenTTL = defaultAccessTokenTTL
	}
	if opts.DevicePollInterval <= 0 {
		opts.DevicePollInterval = defaultDevicePollInterval
	}
	keys := opts.Keys
	if keys == nil {
		var err error
		if keys, err = NewKeys(); err != nil {
			return nil, err
		}
	}
	h := &Handler{st: st, opts: opts, keys: keys, mux: http.NewServeMux()}
	h.routes()
	return h, nil
}

// Paths the WorkOS half serves (the emulator routes these prefixes here).
var Paths = []string{"/user_management/", "/sso/jwks/", "/device"}

func (h *Handler) routes() {
	h.mux.HandleFunc("GET /user_management/authorize", h.authorize)
	h.mux.HandleFunc("POST /user_management/authorize/sign-in", h.signIn)
	h.mux.HandleFunc("POST /user_management/authorize/sign-up", h.signUp)
	h.mux.HandleFunc("POST /user_management/authorize/organization", h.pickOrganization)
	h.mux.HandleFunc("POST /user_management/authenticate", h.authenticate)
	h.mux.HandleFunc("POST /user_management/authorize/device", h.deviceAuthorization)
	h.mux.HandleFunc("GET /device", h.deviceVerifyPage)
	h.mux.HandleFunc("POST /device", h.deviceVerify)
	h.mux.HandleFunc("GET /user_management/sessions/logout", h.logout)
	h.mux.HandleFunc("GET /sso/jwks/{client_id}", h.jwks)
}

// ServeHTTP routes a WorkOS request.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mux.ServeHTTP(w, r)
}

// Keys returns the key set that signs access tokens (the API half verifies with its public part).
func (h *Handler) Keys() *Keys { return h.keys }

// ClientID is the client id this half accepts.
func (h *Handler) ClientID() string { return h.opts.ClientID }

// baseURL is the emulator's own origin as the caller reached it (for verification URIs and the issuer).
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
