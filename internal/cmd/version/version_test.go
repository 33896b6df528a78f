package version

import (
	"strings"
	"testing"

	"github.com/panel-dev/panel/internal/cmd/cmdtest"
	"github.com/panel-dev/panel/internal/cmdutil"
	"github.com/panel-dev/panel/internal/testmain"
)

func TestMain(m *testing.M) { testmain.Run(m) }

// A stamped version wins; an unstamped build says dev (a test binary has no module version).
func TestVersion(t *testing.T) {
	if Build("v1.2.3") != "v1.2.3" || Build("dev") != "dev" || Build("") != "dev" {
		t.Errorf("Build: %q %q %q", Build("v1.2.3"), Build("dev"), Build(""))
	}
	f := cmdtest.Factory()
	var out strings.Builder
	f.IO = &cmdutil.IOStreams{Out: &out, ErrOut: &out}
	cmd := cmdtest.Quiet(NewCmdVersion(f, "v1.2.3"))
	cmd.SetArgs(nil)
	if err := cmd.Execute(); err != nil || !strings.HasPrefix(out.String(), "panel v1.2.3 (go") {
		t.Errorf("panel version: %v %q", err, out.String())
	}
}
