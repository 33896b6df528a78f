// Package testmain is the one TestMain of panel's test binaries. Each package states what its binary needs, as
// options: a pinned colour profile for golden views, roles the re-executed binary plays instead of running tests
// (the panel binary, a browser), and checks that only a full run can speak for (every operation covered).
package testmain

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Option is one thing a package's test binary needs around its tests.
type Option func(*config)

type config struct {
	setup  []func()
	roles  []role
	checks []func() error
}

// role is another program the test binary plays when env is "1": tests re-execute os.Args[0] to get a real
// process.
type role struct {
	env string
	run func(args []string) int
}

// Run runs the package's tests with opts and exits with their code.
func Run(m *testing.M, opts ...Option) {
	os.Exit(run(m, os.Getenv, os.Args[1:], fullRun, os.Stderr, opts...))
}

// runner is what run needs of *testing.M.
type runner interface{ Run() int }

func run(m runner, getenv func(string) string, args []string, full func() bool, stderr io.Writer, opts ...Option) int {
	var c config
	for _, o := range opts {
		o(&c)
	}
	for _, r := range c.roles {
		if getenv(r.env) == "1" {
			return r.run(args)
		}
	}
	for _, s := range c.setup {
		s()
	}
	code := m.Run()
	if code != 0 || !full() {
		return code
	}
	for _, check := range c.checks {
		if err := check(); err != nil {
			fmt.Fprintf(stderr, "FAIL: %v\n", err)
			code = 1
		}
	}
	return code
}

// fullRun is true when no -run or -skip filter narrowed the tests (set after m.Run has parsed the flags).
func fullRun() bool {
	for _, name := range []string{"test.run", "test.skip"} {
		if f := flag.Lookup(name); f != nil && f.Value.String() != "" {
			return false
		}
	}
	return true
}

// ASCIIColors pins lipgloss to the ASCII profile, so that views (and golden files) carry no escape codes
// whatever terminal runs the tests.
func ASCIIColors() Option {
	return func(c *config) { c.setup = append(c.setup, func() { lipgloss.SetColorProfile(termenv.Ascii) }) }
}

// ActAs makes the binary play another program when env is "1": run gets the arguments and its result is the
// exit code; no test runs.
func ActAs(env string, run func(args []string) int) Option {
	return func(c *config) { c.roles = append(c.roles, role{env: env, run: run}) }
}

// ActAsBrowser makes the binary a browser when env is "1": BROWSER runs it with a URL as its one argument and
// it GETs it, following the redirects (to a loopback callback, say) as a browser would.
func ActAsBrowser(env string) Option {
	return ActAs(env, func(args []string) int {
		if len(args) != 1 {
			return 2
		}
		resp, err := http.Get(args[0]) //nolint:noctx,gosec // the whole life of this process: one GET of the URL a test gave it
		if err != nil {
			return 1
		}
		_ = resp.Body.Close()
		return 0
	})
}

// AfterFullRun checks something only all of the package's tests together can speak for (every operation
// exercised): after a passing run that no -run or -skip narrowed, an error from check fails the binary.
func AfterFullRun(check func() error) Option {
	return func(c *config) { c.checks = append(c.checks, check) }
}
