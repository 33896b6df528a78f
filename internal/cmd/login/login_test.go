package login

import (
	"io"
	"testing"
	"time"

	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/config"
)

func TestLoginFlags(t *testing.T) {
	var got *Options
	f := &cmdutil.Factory{IO: &cmdutil.IOStreams{Out: io.Discard, ErrOut: io.Discard},
		Config: func() (*config.Config, error) { return &config.Config{OrganizationID: "org_globex"}, nil }}
	cmd := NewCmdLogin(f, func(o *Options) error { got = o; return nil })
	cmd.SetArgs([]string{"--signup", "--email", "a@example.com", "--force", "--no-browser", "--device", "--timeout", "2m"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if !got.SignUp || got.Email != "a@example.com" || !got.Force || !got.NoBrowser || !got.Device ||
		got.Timeout != 2*time.Minute || got.OrganizationID != "org_globex" {
		t.Fatalf("options = %+v", got)
	}
	cmd = NewCmdLogin(f, func(*Options) error { got = nil; return nil })
	cmd.SetArgs(nil)
	if err := cmd.Execute(); err != nil || got != nil {
		t.Fatal("defaults")
	}
}
