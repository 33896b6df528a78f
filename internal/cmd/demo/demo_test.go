package demo

import (
	"testing"
	"time"

	"github.com/panel-dev/panel/internal/cmdutil"
)

func TestDemoFlags(t *testing.T) {
	var got *Options
	f := &cmdutil.Factory{IO: &cmdutil.IOStreams{}}
	cmd := NewCmdDemo(f, func(o *Options) error { got = o; return nil })
	cmd.SetArgs([]string{"--interactive", "--latency", "100ms", "--orgs", "10000", "--keep"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if !got.Interactive || got.Latency != 100*time.Millisecond || got.Orgs != 10000 || !got.Keep {
		t.Fatalf("options = %+v", got)
	}
}
