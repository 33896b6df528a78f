package tui

import (
	"regexp"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/emulator/seed"
	"github.com/panel-dev/panel/tui/screens/palette"
)

// TestHostileTextInThePalette: the command palette's completions are the
// server's organization and service names; drawn, they carry no control,
// escape sequence, bidi control or forged line (B24), and a name that has
// any completes to its id.
func TestHostileTextInThePalette(t *testing.T) {
	e := newEnv(t, emulator.Options{Seed: seed.Hostile()})
	deps := e.deps()
	colour(t, &deps)
	d := startModel(t, deps)
	d.signIn()
	d.WaitView("pending")

	d.Press(":")
	d.WaitFor("the palette", func() bool { return d.route() == string(palette.Route) })
	d.Press("orgs ")
	d.WaitView("orgs org_acme")
	d.clean("palette: organizations")
	d.Press("tab") // a hostile name completes to the organization's external id
	d.WaitView(":orgs org_acme")
	d.clean("palette: an organization completed")
	for range len("org_acme") {
		d.Press("backspace")
	}
	for range len("orgs ") {
		d.Press("backspace")
	}
	d.Press("logs ")
	// The services are read when the palette opens: drawn once they complete "logs " (to their ids).
	completed := regexp.MustCompile(`› logs [0-9a-f-]{36}`)
	d.WaitFor("the services to complete", func() bool { return completed.MatchString(ansi.Strip(d.View())) })
	d.clean("palette: services")
}
