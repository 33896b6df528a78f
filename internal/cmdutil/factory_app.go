package cmdutil

import (
	"fmt"
	"sync"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/store"
)

// initApp sets the Factory's App, Session, Store and API: built on first use
// from the configuration, shared by every caller in the process.
func (f *Factory) initApp() {
	f.Store = sync.OnceValues(func() (*store.Store, error) {
		cfg, err := f.Config()
		if err != nil {
			return nil, err
		}
		return store.Open(cfg.ProfileDir(), func(w string) { fmt.Fprintln(f.IO.ErrOut, w) }), nil
	})
	f.App = sync.OnceValues(func() (*app.App, error) {
		cfg, err := f.Config()
		if err != nil {
			return nil, err
		}
		if cfg.Token == "" {
			if err := cfg.RequireClientID(); err != nil {
				return nil, err
			}
		}
		dir, err := cfg.EnsureProfileDir()
		if err != nil {
			return nil, err
		}
		st, err := f.Store()
		if err != nil {
			return nil, err
		}
		org, err := app.OrganizationOverride(st, cfg.OrganizationID)
		if err != nil {
			return nil, fmt.Errorf("--organization-id: %w", err)
		}
		return app.New(app.Config{
			ClientID: cfg.ClientID, AuthURL: cfg.AuthURL, APIURL: cfg.APIURL,
			ProfileDir: dir, Profile: cfg.Profile, InsecureStorage: cfg.InsecureStorage,
			EnvToken: cfg.Token, Organization: org, CallbackPort: cfg.CallbackPort,
			Base: f.HTTPTransport, Store: st, RequestTimeout: f.RequestTimeout,
			APIOptions: append([]api.Option{api.WithNotice(func(n api.Notice) { fmt.Fprintln(f.IO.ErrOut, "panel:", n) })},
				f.APIOptions...),
		})
	})
	f.Session = func() (*auth.Session, error) {
		a, err := f.App()
		if err != nil {
			return nil, err
		}
		return a.Session, nil
	}
	f.API = func() (*api.Client, error) {
		a, err := f.App()
		if err != nil {
			return nil, err
		}
		return a.API, nil
	}
}
