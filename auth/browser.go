package auth

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"

	"github.com/pkg/browser"
)

// ErrNoBrowser means no browser can be opened here (no display, CI): print the URL instead (B2).
var ErrNoBrowser = errors.New("no browser can be opened here")

// OpenBrowser opens url with the BROWSER command when set (it gets the URL as its one argument; it is not
// waited for), else the system's opener with its output discarded (nothing may write behind the TUI).
func OpenBrowser(url, browserEnv string) error {
	if fields := strings.Fields(browserEnv); len(fields) > 0 {
		// The user's own BROWSER command, the URL as an argument (no shell); started, not waited for, so no context.
		cmd := exec.Command(fields[0], append(fields[1:], url)...) //nolint:gosec,noctx // above
		cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, nil, nil
		if err := cmd.Start(); err != nil {
			return errors.New("BROWSER could not be started: " + fields[0])
		}
		go func() { _ = cmd.Wait() }()
		return nil
	}
	if !canOpenBrowser() {
		return ErrNoBrowser
	}
	browser.Stdout, browser.Stderr = io.Discard, io.Discard
	if err := browser.OpenURL(url); err != nil {
		return ErrNoBrowser
	}
	return nil
}

// canOpenBrowser rules out the cases where a system opener cannot show anything: CI, and Unix desktops
// without a display (SSH sessions, containers).
func canOpenBrowser() bool {
	if os.Getenv("CI") == "true" {
		return false
	}
	switch runtime.GOOS {
	case "windows", "darwin":
		return true
	}
	if os.Getenv("WSL_DISTRO_NAME") != "" {
		_, err := exec.LookPath("wslview")
		return err == nil
	}
	return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
}
