package status

import (
	"io"
	"testing"

	"github.com/panel-dev/panel/internal/cmdutil"
)

func TestStatusFlags(t *testing.T) {
	var got *Options
	f := &cmdutil.Factory{IO: &cmdutil.IOStreams{Out: io.Discard, ErrOut: io.Discard}}
	cmd := NewCmdStatus(f, func(o *Options) error { got = o; return nil })
	cmd.SetArgs([]string{"--json", "--offline"})
	if err := cmd.Execute(); err != nil || !got.Exporter.Enabled() || !got.Offline {
		t.Fatalf("options = %+v, %v", got, err)
	}
}
