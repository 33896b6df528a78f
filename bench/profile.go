package main

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/panel-dev/panel/app"
)

// browserEnv makes this program act as the browser: BROWSER runs it with
// the authorize URL, it follows the redirects to the loopback callback.
const browserEnv = "PANEL_BENCH_BROWSER"

// benchUser is the emulator's demo user every measurement signs in as.
const benchUser = "alice@example.com"

// actAsBrowser handles the BROWSER call; true when this process was one.
func actAsBrowser() bool {
	if os.Getenv(browserEnv) != "1" || len(os.Args) != 2 || !strings.HasPrefix(os.Args[1], "http") {
		return false
	}
	res, err := http.Get(os.Args[1])
	if err != nil {
		os.Exit(1)
	}
	res.Body.Close()
	return true
}

// profile is a throwaway PANEL_CONFIG_DIR signed in against an emulator.
type profile struct {
	h   *harness
	em  *emulatorProc
	dir string
	env []string
}

func (h *harness) newProfile(em *emulatorProc) (*profile, error) {
	dir, err := os.MkdirTemp(h.work, "profile-")
	if err != nil {
		return nil, err
	}
	env := []string{}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PANEL_") && !strings.HasPrefix(kv, "BROWSER=") && !strings.HasPrefix(kv, "NO_COLOR=") {
			env = append(env, kv)
		}
	}
	env = append(env, "PANEL_CONFIG_DIR="+dir, "PANEL_CLIENT_ID="+em.ClientID, "PANEL_AUTH_URL="+em.URL,
		"PANEL_API_URL="+em.URL, "BROWSER="+h.self, browserEnv+"=1", "NO_COLOR=1")
	if h.storage == "file" {
		env = append(env, "PANEL_INSECURE_STORAGE=1")
	}
	return &profile{h: h, em: em, dir: dir, env: env}, nil
}

// command is `panel args...` in the profile, not started.
func (p *profile) command(args ...string) *exec.Cmd {
	cmd := exec.Command(p.h.panel, args...)
	cmd.Env = p.env
	return cmd
}

// run runs `panel args...` to its end; an exit other than 0 is an error
// carrying stderr.
func (p *profile) run(args ...string) error {
	cmd := p.command(args...)
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("panel %s: %w\n%s", strings.Join(args, " "), err, errOut.String())
	}
	return nil
}

// timed runs `panel args...` and returns the time from start to exit.
func (p *profile) timed(args ...string) (time.Duration, error) {
	cmd := p.command(args...)
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	if err != nil {
		return d, fmt.Errorf("panel %s: %w\n%s", strings.Join(args, " "), err, errOut.String())
	}
	return d, nil
}

// signIn runs `panel login` for the benchmark's user with the latency off (setup, not a
// measurement), then `panel status` so the store knows the user, the
// organization and its project (a signed-in user's warm store).
func (p *profile) signIn() (err error) {
	if err := p.em.setLatency(0); err != nil {
		return err
	}
	// The measurements after this need the latency back: failing to restore it fails the sign-in.
	defer func() { err = errors.Join(err, p.em.setLatency(p.h.rtt)) }()
	if err := p.run("login", "--email", benchUser); err != nil {
		return err
	}
	return p.run("status")
}

// signOut ends the session (and drops its keychain item).
func (p *profile) signOut() { _ = p.run("logout") }

// app builds the App of the profile in this process, as the panel binary
// would (same profile directory, hence the same keychain item).
func (p *profile) app() (*app.App, error) {
	return app.New(app.Config{ClientID: p.em.ClientID, AuthURL: p.em.URL, APIURL: p.em.URL,
		ProfileDir: filepath.Join(p.dir, "profiles", "default"), Profile: "default",
		InsecureStorage: p.h.storage == "file"})
}

// signedIn starts an emulator with the bench's RTT and flags, and signs a throwaway profile in against it;
// stop signs out and stops the emulator.
func (h *harness) signedIn(flags ...string) (em *emulatorProc, p *profile, stop func(), err error) {
	em, err = startEmulator(h.panel, append([]string{"--latency", h.rtt.String()}, flags...)...)
	if err != nil {
		return nil, nil, nil, err
	}
	if p, err = h.newProfile(em); err != nil {
		em.stop()
		return nil, nil, nil, err
	}
	stop = func() { p.signOut(); em.stop() }
	if err = p.signIn(); err != nil {
		stop()
		return nil, nil, nil, err
	}
	return em, p, stop, nil
}
