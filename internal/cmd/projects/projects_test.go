package projects

import (
	"testing"

	"github.com/panel-dev/panel/internal/cmd/cmdtest"
)

func TestProjectsFlags(t *testing.T) {
	var use *useOptions
	cmd := cmdtest.Quiet(newUseCmd(cmdtest.Factory(), func(o *useOptions) error { use = o; return nil }))
	cmd.SetArgs([]string{" web ", "--json"})
	if err := cmd.Execute(); err != nil || use.Query != "web" || !use.Exporter.Enabled() {
		t.Errorf("use options = %+v %v", use, err)
	}
	cmd = cmdtest.Quiet(newUseCmd(cmdtest.Factory(), func(*useOptions) error { return nil }))
	cmd.SetArgs([]string{})
	if err := cmd.Execute(); err == nil {
		t.Error("use without a project accepted")
	}
	var list *listOptions
	cmd = cmdtest.Quiet(newListCmd(cmdtest.Factory(), func(o *listOptions) error { list = o; return nil }))
	cmd.SetArgs([]string{"--json"})
	if err := cmd.Execute(); err != nil || !list.Exporter.Enabled() {
		t.Errorf("list options = %+v %v", list, err)
	}
}
