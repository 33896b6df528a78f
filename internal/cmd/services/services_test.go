package services

import (
	"testing"

	"github.com/panel-dev/panel/internal/cmd/cmdtest"
)

func TestServicesListFlags(t *testing.T) {
	var got *listOptions
	cmd := cmdtest.Quiet(newListCmd(cmdtest.Factory(), func(o *listOptions) error { got = o; return nil }))
	cmd.SetArgs([]string{"--json"})
	if err := cmd.Execute(); err != nil || !got.Exporter.Enabled() {
		t.Fatalf("options = %+v %v", got, err)
	}
	cmd = cmdtest.Quiet(newListCmd(cmdtest.Factory(), func(*listOptions) error { return nil }))
	cmd.SetArgs([]string{"web"})
	if err := cmd.Execute(); err == nil {
		t.Fatal("an argument was accepted")
	}
}
