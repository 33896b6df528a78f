// Package demo is `panel demo`: the TUI against the built-in emulator in a throwaway profile.
package demo

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/seed"
	tuicmd "github.com/panel-dev/panel/internal/cmd/tui"
	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/config"
	"github.com/panel-dev/panel/internal/termsafe"
)

// Options are `panel demo`'s. The demo points the whole factory at its own emulator and profile, so it
// holds the factory itself.
type Options struct {
	Factory     *cmdutil.Factory
	Cmd         *cobra.Command // for the debug log's record of the command
	Interactive bool
	Latency     time.Duration
	Orgs        int
	Keep        bool
}

// NewCmdDemo returns `panel demo`.
func NewCmdDemo(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Run panel against the built-in emulator, offline, with a throwaway profile",
		Long: "demo starts the emulator of both backends in-process on a random loopback port with the demo data\n" +
			"(alice@example.com, in the organizations acme, globex and initech) and opens the TUI against it, in\n" +
			"an isolated config dir that is removed on exit. Sign-in needs no browser: the emulator signs alice in\n" +
			"at once and panel follows the redirect itself. With --interactive the emulator serves its hosted\n" +
			"sign-in page instead (alice@example.com / alice-password), opened in your browser.\n" +
			"Without a terminal, demo signs in and prints the session status instead of opening the TUI.",
		Args: cobra.NoArgs,
		// The demo's debug log is in its own throwaway profile: opened once the demo's configuration is in
		// place, not the user's profile.
		PersistentPreRunE: func(*cobra.Command, []string) error { return nil },
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Cmd = cmd
			if runF != nil {
				return runF(opts)
			}
			return demoRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Interactive, "interactive", false, "sign in on the emulator's hosted page in your browser")
	cmd.Flags().DurationVar(&opts.Latency, "latency", 0, "add this latency to every emulator response (e.g. 100ms)")
	cmd.Flags().IntVar(&opts.Orgs, "orgs", 0, "give alice this many extra organizations (try 10000)")
	cmd.Flags().BoolVar(&opts.Keep, "keep", false, "keep the demo's config dir and print where it is")
	return cmd
}

func demoRun(opts *Options) error {
	f := opts.Factory
	eo := emulator.Options{Interactive: opts.Interactive, Latency: opts.Latency}
	if opts.Orgs > 0 {
		eo.Seed = seed.Generate(opts.Orgs)
	}
	srv, err := emulator.Start("127.0.0.1:0", eo)
	if err != nil {
		return fmt.Errorf("start the emulator: %w", err)
	}
	defer srv.Close()

	dir, err := os.MkdirTemp("", "panel-demo-")
	if err != nil {
		return err
	}
	if opts.Keep {
		fmt.Fprintln(f.IO.ErrOut, "demo config dir:", dir)
	} else {
		defer func() {
			if err := os.RemoveAll(dir); err != nil { // it holds the demo's tokens: say it stayed
				fmt.Fprintf(f.IO.ErrOut, "could not remove the demo config dir %s: %v\n", dir, err)
			}
		}()
	}
	cfg, err := demoConfig(f, srv, dir, opts.Interactive)
	if err != nil {
		return err
	}
	f.Config = func() (*config.Config, error) { return cfg, nil }
	if err := f.StartDebugLog(opts.Cmd); err != nil {
		return err
	}

	if f.IO.Terminal {
		return tuicmd.Run(f)
	}
	return demoWithoutTerminal(f.Ctx, f, cfg)
}

// demoConfig is an isolated profile against the emulator. Its tokens go to a 0600
// file in the throwaway dir: they belong to a local emulator, and the demo must
// also run where no keychain exists.
func demoConfig(f *cmdutil.Factory, srv *emulator.Server, dir string, interactive bool) (*config.Config, error) {
	cfg := &config.Config{
		Dir: dir, Profile: "demo",
		ClientID: srv.ClientID, AuthURL: srv.URL, APIURL: srv.URL,
		InsecureStorage: true,
		OrganizationID:  f.Overrides.OrganizationID,
		NoColor:         os.Getenv("NO_COLOR") != "",
		Debug:           f.Overrides.Debug,
		Source:          map[string]string{"client_id": "demo", "auth_url": "demo", "api_url": "demo"},
	}
	if interactive {
		cfg.Browser = os.Getenv("BROWSER") // the hosted page needs a real browser
		return cfg, nil
	}
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	// The emulator signs in at once; panel itself plays the browser and follows the
	// redirect to its own loopback callback, so no browser is needed.
	cfg.Browser = filepath.Clean(self) + " " + BrowserCommand
	return cfg, nil
}

// demoWithoutTerminal signs in and prints the status: what the demo can show
// when it has no terminal to draw the TUI on (scripts, CI).
func demoWithoutTerminal(ctx context.Context, f *cmdutil.Factory, cfg *config.Config) error {
	fmt.Fprintln(f.IO.ErrOut, "No terminal: signing in to the demo emulator and printing the status instead of the TUI.")
	a, err := f.App()
	if err != nil {
		return err
	}
	login, err := a.Session.BeginBrowserLogin(ctx, demoLoginOptions())
	if err != nil {
		return err
	}
	defer login.Close()
	if err := runBrowserCommand(cfg.Browser, login.URL()); err != nil {
		return err
	}
	res, err := login.Wait(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(f.IO.Out, "Signed in as %s (organization %s, session expires %s, tokens in %s).\n",
		termsafe.Line(res.Info.Email), termsafe.Line(res.Info.OrganizationID), res.Info.ExpiresAt.Format(time.RFC3339), res.Info.Storage)
	return nil
}
