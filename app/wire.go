package app

import (
	"net/http"
	"sync"
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
	CallbackPort              int    // the loopback port of browser sign-ins (0: random)
	// Base is the transport under everything (nil: http.DefaultTransport);
	// tests put the spec-validating transport here.
	Base http.RoundTripper
	// Warn receives one-line warnings (a corrupt state file moved aside).
	Warn       func(string)
	APIOptions []api.Option
	// Store is the profile's store when the caller already opened it (nil: opened here).
	Store *store.Store
	// RequestTimeout bounds each request to WorkOS and to the API, answer
	// included (0: api.RequestTimeout); a hung server fails the call instead
	// of hanging the command or the screen. Log streams are bounded only
	// until they open.
	RequestTimeout time.Duration
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
		HTTPClient:    &http.Client{Transport: base(c.Base), Timeout: c.requestTimeout()},
		ProjectHeader: st.CurrentProject, CallbackPort: c.CallbackPort,
	})
	if err != nil {
		return nil, err
	}
	hc := &http.Client{Transport: s.Transport(ProjectGuard(base(c.Base), st))}
	opts := append([]api.Option{api.WithRequestTimeout(c.requestTimeout())}, c.APIOptions...)
	return &App{Session: s, API: api.New(c.APIURL, hc, opts...), Store: st}, nil
}

func (c Config) requestTimeout() time.Duration {
	if c.RequestTimeout > 0 {
		return c.RequestTimeout
	}
	return api.RequestTimeout
}

func base(rt http.RoundTripper) http.RoundTripper {
	if rt == nil {
		return lazyDefault{}
	}
	return rt
}

// lazyDefault is defaultTransport, built on the first request: a command
// that sends none (status --offline, completion) does not pay for cloning it.
type lazyDefault struct{}

func (lazyDefault) RoundTrip(r *http.Request) (*http.Response, error) {
	return defaultTransport().RoundTrip(r)
}

func (lazyDefault) CloseIdleConnections() {
	defaultTransport().(*http.Transport).CloseIdleConnections()
}

// defaultTransport keeps as many idle connections as a walk has pages in
// flight (http.DefaultTransport keeps 2 a host: the others would be
// closed and dialled again, a TLS handshake each, every round trip).
var defaultTransport = sync.OnceValue(func() http.RoundTripper {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = api.DefaultInFlight
	return t
})
