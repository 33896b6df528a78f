// Package tui opens the terminal UI from the command line: `panel` with no arguments, `panel --invitation`
// and `panel demo`.
package tui

import (
	"errors"
	"io"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/config"
	paneltui "github.com/panel-dev/panel/tui"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/theme"
)

// Run opens the terminal UI (`panel` with no arguments). The session
// follows --organization-id for this process (B16): its first token is
// already for that organization.
func Run(f *cmdutil.Factory) error { return RunAt(f, "") }

// RunAt opens the TUI on the landing screen of an invitation (`panel
// --invitation <id|link>`, B19): outside the auth gate, so it works signed
// out. An empty invitation opens the TUI as usual.
func RunAt(f *cmdutil.Factory, invitation string) error {
	if !f.IO.Terminal {
		return errors.New("the TUI needs a terminal; use a subcommand (see `panel --help`)")
	}
	d, done, err := Deps(f)
	if err != nil {
		return err
	}
	defer done()
	if id := app.InvitationID(invitation); id != "" {
		d.Start = common.RouteInvitation.With(id)
	}
	return paneltui.Run(f.Ctx, d)
}

// Deps builds the TUI's dependencies from the factory (`panel demo` uses
// it too, with its own factory). Nothing may write to the terminal behind
// Bubble Tea's back, so the factory's error stream (API retry notices, store
// warnings) goes to the debug log with --debug, else nowhere, until done.
func Deps(f *cmdutil.Factory) (paneltui.Deps, func(), error) {
	cfg, err := f.Config()
	if err != nil {
		return paneltui.Deps{}, nil, err
	}
	errOut := f.IO.ErrOut
	var log io.WriteCloser
	f.IO.ErrOut = io.Discard
	switch {
	case f.DebugLog() != nil: // opened for the command (--debug), closed when it ends
		f.IO.ErrOut = f.DebugLog()
	case cfg.Debug:
		file, err := cmdutil.OpenDebugLog(cfg)
		if err != nil {
			return paneltui.Deps{}, nil, err
		}
		log, f.IO.ErrOut = file, file
	}
	done := func() {
		f.IO.ErrOut = errOut
		if log != nil {
			_ = log.Close()
		}
	}
	a, err := f.App()
	if err != nil {
		done()
		return paneltui.Deps{}, nil, err
	}
	// 120 frames a second (Bubble Tea's most; 60 by default): a frame waits at most 8 ms for the next
	// tick, half of a switch's local budget (bench/, README "Performance"). An unchanged frame is not redrawn.
	return paneltui.Deps{App: a, NoColor: cfg.NoColor, Browser: cfg.Browser, ClientID: cfg.ClientID, APIURL: cfg.APIURL,
		OrgLooks: orgLooks(cfg.Organizations), ProgramOptions: []tea.ProgramOption{tea.WithFPS(120)}}, done, nil
}

// orgLooks are the config file's colours and labels, for the header.
func orgLooks(orgs map[string]config.Organization) map[string]theme.OrgLook {
	looks := make(map[string]theme.OrgLook, len(orgs))
	for key, o := range orgs {
		looks[key] = theme.OrgLook{Colour: o.Color, Label: o.Label}
	}
	return looks
}
