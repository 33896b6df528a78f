package logs

import (
	"testing"
	"time"

	"github.com/panel-dev/panel/internal/cmd/cmdtest"
)

func TestLogsTailRawFlag(t *testing.T) {
	var got *tailOptions
	cmd := cmdtest.Quiet(newTailCmd(cmdtest.Factory(), func(o *tailOptions) error { got = o; return nil }))
	cmd.SetArgs([]string{"--service-id", "s", "--raw"})
	if err := cmd.Execute(); err != nil || !got.Raw || got.JSON {
		t.Fatalf("options = %+v %v", got, err)
	}
	cmd = cmdtest.Quiet(newTailCmd(cmdtest.Factory(), func(*tailOptions) error { return nil }))
	cmd.SetArgs([]string{"--service-id", "s", "--raw", "--json"})
	if err := cmd.Execute(); err == nil {
		t.Fatal("--raw with --json accepted")
	}
}

func TestLogsFlags(t *testing.T) {
	var got *tailOptions
	cmd := cmdtest.Quiet(newTailCmd(cmdtest.Factory(), func(o *tailOptions) error { got = o; return nil }))
	cmd.SetArgs([]string{"--instance-id", "i1", "--type", "BUILD", "--lines", "5", "--json"})
	if err := cmd.Execute(); err != nil || got.Filter.Type != "build" || len(got.Filter.InstanceIDs) != 1 || got.Lines != 5 || !got.JSON {
		t.Errorf("options = %+v %v", got, err)
	}
	for _, args := range [][]string{{}, {"--service-id", "s", "--type", "debug"}} {
		cmd = cmdtest.Quiet(newTailCmd(cmdtest.Factory(), func(*tailOptions) error { return nil }))
		cmd.SetArgs(args)
		if err := cmd.Execute(); err == nil {
			t.Errorf("%v accepted", args)
		}
	}
}

func TestLogsTailFlags(t *testing.T) {
	var got *tailOptions
	cmd := cmdtest.Quiet(newTailCmd(cmdtest.Factory(), func(o *tailOptions) error { got = o; return nil }))
	cmd.SetArgs([]string{"payments/web"})
	if err := cmd.Execute(); err != nil || got.Service != "payments/web" || got.Lines != 100 || got.Since != 10*time.Minute {
		t.Fatalf("defaults: %+v %v", got, err)
	}
	cmd = cmdtest.Quiet(newTailCmd(cmdtest.Factory(), func(o *tailOptions) error { got = o; return nil }))
	cmd.SetArgs([]string{"worker", "--lines", "0", "--since", "1h"})
	if err := cmd.Execute(); err != nil || got.Lines != 0 || got.Since != time.Hour {
		t.Fatalf("--lines 0 --since 1h: %+v %v", got, err)
	}
	for _, args := range [][]string{{"web", "--service-id", "s"}, {"web", "--lines", "1001"}, {"web", "--lines", "-1"},
		{"web", "--since", "0s"}, {"a", "b"}} {
		cmd = cmdtest.Quiet(newTailCmd(cmdtest.Factory(), func(*tailOptions) error { return nil }))
		cmd.SetArgs(args)
		if err := cmd.Execute(); err == nil {
			t.Errorf("%v accepted", args)
		}
	}
}
