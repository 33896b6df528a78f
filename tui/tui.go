// Package tui is panel's terminal UI (Bubble Tea v1). The root model owns
// the screen stack, the chrome (header with user, organization and project,
// status line, help footer), the auth gate (B12), the one error funnel, the
// timers (token refresh B9, session check B10) and the one organization
// switch path (B15). Screens live in tui/screens/<name> and talk to the root
// through tui/common's messages.
//
// The screen registry (registry.go) is the table of screens that routing
// (routes.go), the global keys (keys.go), help and the gate read. Messages
// flow one way (router.go): a key goes to the top screen or a global; a
// screen's command comes back sealed with the screen's id and generation,
// and the root either handles it (navigation, status, errors, switches) or
// hands it to that screen alone, dropping it when the screen is gone or the
// organization changed; identity and switch news are broadcast.
package tui

import (
	"context"
	"errors"
	"io"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/term"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/theme"
)

// Deps is what the TUI runs on. App must be complete (session, API, store).
type Deps struct {
	App     *app.App
	NoColor bool
	// Browser is the BROWSER command for sign-in ("" = the system opener).
	Browser string
	// ClientID and APIURL name the configuration in the redirect-loop guard
	// message (B6).
	ClientID, APIURL string
	// Start is the first screen after the gate ("" = home).
	Start common.Route
	// SignInReason, when set, opens the sign-in screen first with this text
	// (a refused --organization-id switch, B16).
	SignInReason string
	// SignInEmail is the login hint of the sign-in screen (`--email`).
	SignInEmail string
	// SignInOrganization signs in straight into this organization.
	SignInOrganization string
	// OrgLooks are the organizations' colours and labels from the config
	// file, by external id or name.
	OrgLooks map[string]theme.OrgLook
	// SessionCheckEvery is the period of the session check (B10; 0 = 60 s).
	SessionCheckEvery time.Duration
	// Clipboard receives the OSC 52 copy sequence (nil = stderr).
	Clipboard io.Writer
	// Output is the terminal (nil = standard output).
	Output *os.File
	// ProgramOptions are added to the Bubble Tea program by Run (input in
	// tests).
	ProgramOptions []tea.ProgramOption
}

// Run opens the TUI and blocks until the user quits or ctx ends.
func Run(ctx context.Context, d Deps) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	out := d.Output
	if out == nil {
		out = os.Stdout
	}
	var m tea.Model = New(ctx, d)
	if width, height, err := term.GetSize(out.Fd()); err == nil && term.IsTerminal(out.Fd()) {
		m = &drawFirst{Model: m, out: out, width: width, height: height}
	}
	opts := append([]tea.ProgramOption{tea.WithAltScreen(), tea.WithContext(ctx), tea.WithOutput(out)}, d.ProgramOptions...)
	_, err := tea.NewProgram(m, opts...).Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil // interrupted: a normal way to leave
	}
	return err
}
