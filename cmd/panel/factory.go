package main

import (
	"context"
	"sync"

	"github.com/panel-dev/panel/internal/config"
)

// Factory lazily provides what commands need, so that flag parsing never
// touches the keychain or the network and tests can swap any part.
type Factory struct {
	Ctx context.Context
	IO  *IOStreams

	// Overrides are filled by the root command's persistent flags.
	Overrides config.Overrides

	Config func() (*config.Config, error)
}

func newFactory(ctx context.Context) *Factory {
	f := &Factory{Ctx: ctx, IO: systemIO()}
	f.Config = sync.OnceValues(func() (*config.Config, error) { return config.Load(f.Overrides) })
	return f
}
