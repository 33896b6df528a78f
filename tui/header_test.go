package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/theme"
)

// firstLine is the header bar.
func firstLine(view string) string {
	line, _, _ := strings.Cut(view, "\n")
	return line
}

func TestHeaderKeepsTheOrganizationAndItsStateWhenNarrow(t *testing.T) {
	_, d := startSignedIn(t)
	d.Send(common.SwitchOrgMsg{Org: api.Organization{ExternalID: "org_initech", Name: "initech"}})
	d.WaitView("org initech [DEACTIVATED]")
	d.m.ctx.Org.Name = "initech-industries-of-the-greater-metropolitan-area"
	d.m.refreshHeader()
	for _, w := range []int{40, 52, 64} {
		d.Send(tea.WindowSizeMsg{Width: w, Height: 12})
		h := firstLine(d.View())
		if !strings.Contains(h, "[DEACTIVATED]") || !strings.Contains(h, "org initech") || !strings.Contains(h, "…") {
			t.Fatalf("header at %d columns: %q", w, h)
		}
	}
	d.Send(tea.WindowSizeMsg{Width: 200, Height: 12})
	if h := firstLine(d.View()); !strings.Contains(h, "greater-metropolitan-area [DEACTIVATED]") || !strings.Contains(h, "user alice") {
		t.Fatalf("header at 200 columns: %q", h)
	}
}

func TestHeaderShowsTheOrganizationsMarkAndLabel(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	deps := e.deps()
	deps.OrgLooks = map[string]theme.OrgLook{"org_acme": {Label: "customer"}, "globex": {Colour: "teal", Label: "prod"}}
	d := startModel(t, deps)
	d.signIn()
	d.WaitView("org acme (customer)")
	acme := firstLine(d.View())
	d.Send(common.SwitchOrgMsg{Org: api.Organization{ExternalID: "org_globex", Name: "globex"}})
	d.WaitView("org globex (prod)", "Switched to globex")
	globex := firstLine(d.View())
	teal := theme.OrgPalette[theme.PaletteSlot("teal")].Mark
	if !strings.Contains(globex, teal+" org globex") {
		t.Fatalf("globex is configured teal (%s): %q", teal, globex)
	}
	if mark := func(h string) string { return strings.Fields(h)[3] }; mark(acme) == mark(globex) {
		t.Fatalf("acme and globex carry the same mark without colour:\n%s\n%s", acme, globex)
	}
}
