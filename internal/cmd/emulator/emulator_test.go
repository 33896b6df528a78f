package emulator

import (
	"io"
	"testing"
	"time"

	"github.com/panel-dev/panel/internal/cmdutil"
)

func TestEmulatorFlags(t *testing.T) {
	var got *Options
	f := &cmdutil.Factory{IO: &cmdutil.IOStreams{Out: io.Discard, ErrOut: io.Discard}}
	cmd := NewCmdEmulator(f, func(o *Options) error { got = o; return nil })
	cmd.SetArgs([]string{"--listen", "127.0.0.1:8787", "--interactive", "--latency", "100ms", "--access-token-ttl", "1m",
		"--jwks-url", "http://127.0.0.1:1/sso/jwks/x", "--org-selection-required", "--orgs", "10", "--json"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Listen != "127.0.0.1:8787" || !got.Interactive || got.Latency != 100*time.Millisecond ||
		got.AccessTokenTTL != time.Minute || got.JWKSURL == "" || !got.OrgSelectionRequired || got.Orgs != 10 || !got.JSON {
		t.Fatalf("options = %+v", got)
	}

	cmd = NewCmdEmulator(f, func(*Options) error { return nil })
	cmd.SetArgs([]string{"--seed", "x.yaml", "--orgs", "3"})
	cmd.SetErr(io.Discard)
	if err := cmd.Execute(); err == nil {
		t.Fatal("--seed with --orgs must be refused")
	}
}
