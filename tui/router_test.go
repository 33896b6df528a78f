package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/tui/common"
)

// The router delivers each result to the screen that asked, and drops it when that screen is gone or the
// organization changed since: the probe screen checks nothing, so what it receives is what the root let
// through.

// startWithProbes opens a root with the probe screen (key z) and returns the probes built, in order.
func startWithProbes(t *testing.T) (*driver, *[]*probe) {
	var probes []*probe
	row := common.ScreenSpec{Route: "probe", Key: "z", Title: "Probe", Help: "the probe",
		New: func(_ *common.Context, o common.Opening) common.Screen {
			p := newProbe(o.Route)
			probes = append(probes, p)
			return p
		}}
	e := newEnv(t, emulator.Options{})
	d := startModelWith(t, e.deps(), common.NewRegistry(append(Screens().Rows(), row)...))
	d.signIn()
	d.WaitView("org acme", "project default")
	return d, &probes
}

// isProbeAnswer reports a probe's answer on its way back to the root.
func isProbeAnswer(msg tea.Msg) bool {
	e, ok := msg.(envelope)
	if !ok {
		return false
	}
	_, ok = e.msg.(probeMsg)
	return ok
}

// heldAnswers waits for n answers held back and returns them.
func heldAnswers(d *driver, n int) []tea.Msg {
	d.t.Helper()
	d.WaitFor("the probes' answers", func() bool { return len(d.Peek()) >= n })
	return d.Held()
}

func TestEachAnswerGoesToTheScreenThatAskedOnly(t *testing.T) {
	d, probes := startWithProbes(t)
	d.Hold(isProbeAnswer)
	d.Press("z")                                                // the first probe asks
	d.Send(common.OpenMsg{Route: common.Route("probe/second")}) // a second one over it asks too
	d.Send(heldAnswers(d, 2)...)
	if len(*probes) != 2 || (*probes)[0].received != 1 || (*probes)[1].received != 1 {
		t.Fatalf("answers received: %d and %d, want one each", (*probes)[0].received, (*probes)[1].received)
	}
}

func TestALateAnswerForAClosedScreenIsDroppedByTheRouter(t *testing.T) {
	d, probes := startWithProbes(t)
	d.Hold(isProbeAnswer)
	d.Press("z")
	late := heldAnswers(d, 1)
	d.Press("esc") // the probe leaves the stack before its answer comes
	d.WaitFor("home", func() bool { return d.route() == "home" })
	d.Hold(isProbeAnswer)
	d.Press("z") // another probe opens and asks
	own := heldAnswers(d, 1)
	d.Send(late...) // the closed probe's answer arrives
	if first, second := (*probes)[0], (*probes)[1]; first.received != 0 || second.received != 0 {
		t.Fatalf("the closed probe's answer reached a screen (%d, %d)", first.received, second.received)
	}
	d.Send(own...)
	if got := (*probes)[1].received; got != 1 {
		t.Fatalf("the open probe received %d answers of its own, want 1", got)
	}
}

func TestALateAnswerOfTheOldOrganizationIsDroppedByTheRouter(t *testing.T) {
	d, probes := startWithProbes(t)
	d.Hold(isProbeAnswer)
	d.Press("z")
	late := heldAnswers(d, 1) // asked in acme
	d.Hold(isProbeAnswer)
	d.Send(common.SwitchOrgMsg{Org: app.Organization{ExternalID: "org_globex", Name: "globex"}})
	d.WaitView("Switched to globex")
	asked := heldAnswers(d, 1) // asked again in globex, after the switch
	p := (*probes)[0]
	d.Send(late...) // acme's answer arrives under globex
	if p.received != 0 || d.route() != "probe" {
		t.Fatalf("the probe (route %q) received %d answers of the old organization", d.route(), p.received)
	}
	d.Send(asked...)
	if p.received != 1 {
		t.Fatalf("the probe received %d answers of the new organization, want 1", p.received)
	}
}
