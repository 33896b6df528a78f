// Package emulator runs both backends panel talks to — WorkOS User Management and the control-panel API —
// on one loopback listener over one shared data set, with test hooks under /_emulator/. It shares no code
// with the client packages (auth, api): it is written from the protocol and the spec, so a misunderstanding
// cannot hide on both sides.
package emulator

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/panel-dev/panel/emulator/hooks"
	"github.com/panel-dev/panel/emulator/seed"
	"github.com/panel-dev/panel/emulator/state"
	"github.com/panel-dev/panel/emulator/workos"
)

// Options configure an emulator.
type Options struct {
	Seed           *seed.Seed    // nil: the built-in demo seed
	ClientID       string        // "": the seed's client id (demo: "client_panel_demo")
	Interactive    bool          // hosted HTML sign-in pages instead of signing in at once
	Latency        time.Duration // added to every response (stands for the network RTT)
	AccessTokenTTL time.Duration // 0: 5m
	JWKSURL        string        // API half trusts tokens from this JWKS instead of its own
	// OrganizationSelectionRequired: multi-org users get 403 organization_selection_required at code exchange.
	OrganizationSelectionRequired bool
	// SelectionGrantNeedsSecret: the organization-selection grant is refused to a client without
	// client_secret, as WorkOS's spec says (panel, a public client, then signs in again in the browser).
	SelectionGrantNeedsSecret bool
	Log                       io.Writer     // request log lines (no tokens!), nil = discard
	DevicePollInterval        time.Duration // device flow polling interval (0: 5s)
}

// Server is a running emulator. AuthURL == APIURL == URL: one listener serves both backends.
type Server struct {
	URL, AuthURL, APIURL, ClientID string

	st       *state.State
	controls *hooks.Controls
	keys     *workos.Keys
	srv      *http.Server
}

// Start listens on addr (a loopback address such as "127.0.0.1:0") and serves until Close.
func Start(addr string, opts Options) (*Server, error) {
	if err := checkLoopbackAddr(addr); err != nil {
		return nil, err
	}
	st, err := state.New(opts.Seed)
	if err != nil {
		return nil, fmt.Errorf("emulator seed: %w", err)
	}
	if opts.Log != nil {
		opts.Log = &lockedWriter{w: opts.Log} // the request log and the API half both write to it
	}
	if opts.OrganizationSelectionRequired {
		st.SetOrganizationSelectionRequired(true)
	}
	if opts.SelectionGrantNeedsSecret {
		st.SetSelectionGrantNeedsSecret(true)
	}
	keys, err := workos.NewKeys()
	if err != nil {
		return nil, err
	}
	wk, err := workos.New(st, workos.Options{ClientID: opts.ClientID, Interactive: opts.Interactive,
		AccessTokenTTL: opts.AccessTokenTTL, DevicePollInterval: opts.DevicePollInterval, Keys: keys})
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr) //nolint:noctx // Start has no caller context: the listener lives until Close
	if err != nil {
		return nil, err
	}
	url := "http://" + ln.Addr().String()
	s := &Server{URL: url, AuthURL: url, APIURL: url, ClientID: wk.ClientID(), st: st, keys: keys,
		controls: hooks.NewControls(opts.Latency, opts.Log)}

	mux := http.NewServeMux()
	for _, p := range workos.Paths {
		mux.Handle(p, wk)
	}
	mux.Handle(hooks.Prefix, hooks.Handler(st, s.controls))
	mux.Handle("/", newAPIHandler(st, keys, opts.JWKSURL, opts.Log, s.controls))
	s.srv = &http.Server{Handler: s.controls.Middleware(mux), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = s.srv.Serve(ln) }()
	return s, nil
}

// Close stops the listener and drops open connections (log streams included).
func (s *Server) Close() error {
	return s.srv.Close()
}

// State is the shared data set, for in-process tests and the demo.
func (s *Server) State() *state.State { return s.st }

// Controls are the latency, fault and request-log knobs the /_emulator/ hooks drive.
func (s *Server) Controls() *hooks.Controls { return s.controls }

// JWKSURL is where this emulator publishes its signing key.
func (s *Server) JWKSURL() string { return s.URL + "/sso/jwks/" + s.ClientID }

// checkLoopbackAddr keeps the emulator off every interface but loopback.
func checkLoopbackAddr(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("listen address %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return errors.New("the emulator listens on a loopback address only (127.0.0.1, [::1] or localhost)")
	}
	return nil
}

// lockedWriter serializes writes from concurrent handlers.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
