package tui

import (
	"strings"
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/tui/common"
)

// In a deactivated organization each list says so in place of its empty state.
func TestDeactivatedOrganizationHasItsOwnEmptyStates(t *testing.T) {
	_, d := startSignedIn(t)
	d.Send(common.SwitchOrgMsg{Org: api.Organization{ExternalID: "org_initech", Name: "initech"}})
	d.WaitView("org initech [DEACTIVATED]")
	for _, c := range []struct{ key, want, never string }{
		{"p", "initech is deactivated: its projects", "no project yet"},
		{"m", "initech is deactivated: its members", "No members"},
		{"i", "initech is deactivated: its invitations", "Press n to invite"},
	} {
		d.Press("esc", c.key)
		d.WaitView(c.want)
		if v := d.View(); strings.Contains(v, c.never) {
			t.Fatalf("%s shows %q in a deactivated organization:\n%s", c.key, c.never, v)
		}
	}
}
