package cmdutil

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/auth"
	"github.com/panel-dev/panel/internal/config"
	"github.com/panel-dev/panel/store"
)

// Factory lazily provides what commands need, so that flag parsing never
// touches the keychain or the network and tests can swap any part.
type Factory struct {
	Ctx context.Context
	IO  *IOStreams

	// Overrides are filled by the root command's persistent flags.
	Overrides config.Overrides

	Config func() (*config.Config, error)

	// App bundles the session, the profile's store and the API client; Session,
	// Store and API are its parts, one of each per process (factory_app.go).
	// Store alone needs no client id (status --offline).
	App     func() (*app.App, error)
	Session func() (*auth.Session, error)
	Store   func() (*store.Store, error)
	API     func() (*api.Client, error)
	// HTTPTransport is under every request (nil: http.DefaultTransport);
	// tests validate the traffic against the spec here.
	HTTPTransport http.RoundTripper
	// RequestTimeout bounds each request (0: api.RequestTimeout); APIOptions
	// are added to the API client's (tests shorten the retry backoff).
	RequestTimeout time.Duration
	APIOptions     []api.Option

	debug *debugLog // the open --debug log (debuglog.go)
}

// NewFactory returns the process's Factory: nothing is built until a command asks for it.
func NewFactory(ctx context.Context) *Factory {
	f := &Factory{Ctx: ctx, IO: SystemIO()}
	f.Config = sync.OnceValues(func() (*config.Config, error) { return loadConfig(f) })
	f.initApp()
	return f
}

// loadConfig resolves the configuration and says on stderr, once each, what is wrong with it but not
// fatal (unknown keys in the file, a profile directory others can write in).
func loadConfig(f *Factory) (*config.Config, error) {
	c, err := config.Load(f.Overrides)
	if err != nil {
		return nil, err
	}
	var mu sync.Mutex
	said := map[string]bool{}
	c.Warn = func(w string) {
		mu.Lock()
		defer mu.Unlock()
		if !said[w] {
			said[w] = true
			fmt.Fprintln(f.IO.ErrOut, w)
		}
	}
	for _, w := range c.Warnings {
		c.Warn(w)
	}
	return c, nil
}
