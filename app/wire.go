package app

import (
	"net/http"
	"time"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/store"
)

// Config is what New needs to put the three parts together.
type Config struct {
	ClientID, AuthURL, APIURL string
	ProfileDir, Profile       string
	InsecureStorage           bool
	EnvToken                  string // PANEL_TOKEN
	Organization              string // this process's organization (--organization-id), "" = stored default
	// Base is the transport under everything (nil: http.DefaultTransport);
	// tests put the spec-validating transport here.
	Base http.RoundTripper
	// Warn receives one-line warnings (a corrupt state file moved aside).
	Warn       func(string)
	APIOptions []api.Option
	// Store is the profile's store when the caller already opened it (nil: opened here).
	Store *store.Store
}

// New builds the session, the store and the API client so that every
// request carries the token and the current project of the token's own
// organization (auth asks the store with the organization of the token it
// sends), and a stale project is forgotten rather than failing calls.
func New(c Config) (*App, error) {
	st := c.Store
	if st == nil {
		st = store.Open(c.ProfileDir, c.Warn)
	}
	s, err := auth.NewSession(auth.Options{
		ClientID: c.ClientID, AuthURL: c.AuthURL, ProfileDir: c.ProfileDir, Profile: c.Profile,
		InsecureStorage: c.InsecureStorage, EnvToken: c.EnvToken, Organization: c.Organization,
		HTTPClient:    &http.Client{Transport: base(c.Base), Timeout: 30 * time.Second},
		ProjectHeader: st.CurrentProject,
	})
	if err != nil {
		return nil, err
	}
	hc := &http.Client{Transport: s.Transport(ProjectGuard(base(c.Base), st))}
	return &App{Session: s, API: api.New(c.APIURL, hc, c.APIOptions...), Store: st}, nil
}

func base(rt http.RoundTripper) http.RoundTripper {
	if rt == nil {
		return http.DefaultTransport
	}
	return rt
}
