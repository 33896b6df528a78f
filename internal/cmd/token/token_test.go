package token

import (
	"testing"

	"github.com/panel-dev/panel/internal/cmd/cmdtest"
	"github.com/panel-dev/panel/internal/testmain"
)

func TestMain(m *testing.M) { testmain.Run(m) }

func TestTokenFlags(t *testing.T) {
	var got *Options
	cmd := cmdtest.Quiet(NewCmdToken(cmdtest.Factory(), func(o *Options) error { got = o; return nil }))
	cmd.SetArgs(nil)
	if err := cmd.Execute(); err != nil || got == nil || got.Ctx == nil || got.IO == nil {
		t.Fatalf("token: %v, options %+v", err, got)
	}
	cmd = cmdtest.Quiet(NewCmdToken(cmdtest.Factory(), func(*Options) error { return nil }))
	cmd.SetArgs([]string{"extra"})
	if cmd.Execute() == nil {
		t.Error("an argument accepted")
	}
}
