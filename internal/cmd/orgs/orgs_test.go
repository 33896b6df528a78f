package orgs

import (
	"strings"
	"testing"

	"github.com/panel-dev/panel/internal/cmd/cmdtest"
)

func TestOrgsFlags(t *testing.T) {
	var list *listOptions
	cmd := cmdtest.Quiet(newListCmd(cmdtest.Factory(), func(o *listOptions) error { list = o; return nil }))
	cmd.SetArgs([]string{"--search", "ac", "--status", "active,deactivated", "--json"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if list.Search != "ac" || strings.Join(list.Statuses, ",") != "ACTIVE,DEACTIVATED" || !list.Exporter.Enabled() {
		t.Errorf("list options = %+v", list)
	}
	cmd = cmdtest.Quiet(newListCmd(cmdtest.Factory(), func(*listOptions) error { return nil }))
	cmd.SetArgs([]string{"--status", "sleeping"})
	if err := cmd.Execute(); err == nil {
		t.Error("unknown status accepted")
	}

	var sw *switchOptions
	cmd = cmdtest.Quiet(newSwitchCmd(cmdtest.Factory(), func(o *switchOptions) error { sw = o; return nil }))
	cmd.SetArgs([]string{"-", "--json"})
	if err := cmd.Execute(); err != nil || sw.Query != "-" || !sw.Exporter.Enabled() {
		t.Errorf("switch options = %+v, %v", sw, err)
	}
	cmd = cmdtest.Quiet(newSwitchCmd(cmdtest.Factory(), func(*switchOptions) error { return nil }))
	cmd.SetArgs(nil)
	if err := cmd.Execute(); err == nil {
		t.Error("switch without an organization accepted")
	}

	called := false
	for _, bad := range []string{strings.Repeat("a", 40), "Acme", "ac_me", "-acme", "acme-", "ac--me"} {
		cmd = cmdtest.Quiet(newCreateCmd(cmdtest.Factory(), func(*createOptions) error { called = true; return nil }))
		cmd.SetArgs([]string{"--", bad})
		if err := cmd.Execute(); err == nil || !strings.Contains(err.Error(), "invalid organization name") {
			t.Errorf("create %q: %v", bad, err)
		}
	}
	if called {
		t.Error("an invalid name reached the run function")
	}
}
