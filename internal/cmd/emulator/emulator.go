// Package emulator is `panel emulator`: both backends on a loopback port, for tests, demos and benchmarks.
package emulator

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/seed"
	"github.com/panel-dev/panel/internal/cmdutil"
)

// Options are the flags of `panel emulator`.
type Options struct {
	IO  *cmdutil.IOStreams
	Ctx context.Context

	Listen               string
	SeedFile             string
	Orgs                 int
	Interactive          bool
	Latency              time.Duration
	AccessTokenTTL       time.Duration
	DevicePollInterval   time.Duration
	JWKSURL              string
	OrgSelectionRequired bool
	SelectionNeedsSecret bool
	LogRequests          bool
	JSON                 bool
}

// NewCmdEmulator returns `panel emulator`.
func NewCmdEmulator(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "emulator",
		Short: "Run the WorkOS and control-panel API emulator on a loopback port",
		Long: "Serves both backends panel talks to, with one shared data set (the demo seed, a seed file,\n" +
			"or a generated large account), on one loopback listener, until interrupted.\n" +
			"Without --interactive, the authorize endpoint signs the login_hint user (else the first user)\n" +
			"in at once. Test hooks live under /_emulator/ (see emulator/hooks).",
		Example: "  panel emulator --json\n  panel emulator --interactive --listen 127.0.0.1:8787\n  panel emulator --orgs 10000 --latency 50ms",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Ctx = cmd.Context()
			if opts.SeedFile != "" && opts.Orgs > 0 {
				return errors.New("--seed and --orgs cannot be combined (--orgs extends the demo seed)")
			}
			if opts.Orgs < 0 || opts.Latency < 0 || opts.AccessTokenTTL < 0 {
				return errors.New("--orgs, --latency and --access-token-ttl must not be negative")
			}
			if runF != nil {
				return runF(opts)
			}
			return emulatorRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Listen, "listen", "127.0.0.1:0", "loopback address to listen on (port 0 picks a free one)")
	fl.StringVar(&opts.SeedFile, "seed", "", "seed file, YAML or JSON (default: the built-in demo seed)")
	fl.IntVar(&opts.Orgs, "orgs", 0, "add `N` generated organizations for the first user to the demo seed (benchmarks)")
	fl.BoolVar(&opts.Interactive, "interactive", false, "serve hosted sign-in pages instead of signing in at once")
	fl.DurationVar(&opts.Latency, "latency", 0, "delay added to every response (stands for the network round trip)")
	fl.DurationVar(&opts.AccessTokenTTL, "access-token-ttl", 5*time.Minute, "access token lifetime")
	fl.DurationVar(&opts.DevicePollInterval, "device-interval", 5*time.Second, "device flow polling interval")
	fl.StringVar(&opts.JWKSURL, "jwks-url", "", "make the API half trust tokens from this JWKS instead of its own")
	fl.BoolVar(&opts.OrgSelectionRequired, "org-selection-required", false,
		"multi-organization users get 403 organization_selection_required at code exchange")
	fl.BoolVar(&opts.SelectionNeedsSecret, "selection-grant-needs-secret", false,
		"refuse the organization-selection grant to a client without client_secret (as WorkOS's spec says)")
	fl.BoolVar(&opts.LogRequests, "log", false, "print a line per request on stderr (never tokens)")
	fl.BoolVar(&opts.JSON, "json", false, `print one JSON line {"auth_url","api_url","client_id"} once ready`)
	return cmd
}

// emulatorRun starts the emulator, says where it is, and serves until the context ends (SIGINT/SIGTERM).
func emulatorRun(opts *Options) error {
	var sd *seed.Seed
	switch {
	case opts.SeedFile != "":
		var err error
		if sd, err = seed.Load(opts.SeedFile); err != nil {
			return err
		}
	case opts.Orgs > 0:
		sd = seed.Generate(opts.Orgs)
	}
	eo := emulator.Options{Seed: sd, Interactive: opts.Interactive, Latency: opts.Latency,
		AccessTokenTTL: opts.AccessTokenTTL, JWKSURL: opts.JWKSURL, DevicePollInterval: opts.DevicePollInterval,
		OrganizationSelectionRequired: opts.OrgSelectionRequired, SelectionGrantNeedsSecret: opts.SelectionNeedsSecret}
	if opts.LogRequests {
		eo.Log = opts.IO.ErrOut
	}
	srv, err := emulator.Start(opts.Listen, eo)
	if err != nil {
		return err
	}
	defer srv.Close()

	if opts.JSON {
		line, _ := json.Marshal(map[string]string{"auth_url": srv.AuthURL, "api_url": srv.APIURL, "client_id": srv.ClientID})
		if _, err := fmt.Fprintf(opts.IO.Out, "%s\n", line); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(opts.IO.Out, "Emulator listening on %s (client id %s)\n", srv.URL, srv.ClientID)
		fmt.Fprintf(opts.IO.Out, "Point panel at it:\n  export PANEL_AUTH_URL=%s PANEL_API_URL=%s PANEL_CLIENT_ID=%s\n",
			srv.AuthURL, srv.APIURL, srv.ClientID)
		fmt.Fprintln(opts.IO.Out, "Press Ctrl+C to stop.")
	}
	<-opts.Ctx.Done()
	return nil
}
