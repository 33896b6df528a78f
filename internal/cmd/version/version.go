// Package version is `panel version`.
package version

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/panel-dev/panel/internal/cmdutil"
)

// Build is the version stamped into main at build time, else the module's version, else "dev".
func Build(stamped string) string {
	if stamped != "" && stamped != "dev" {
		return stamped
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// NewCmdVersion returns `panel version`, which prints the version Build finds from stamped (read when the
// command runs: the build information is decoded for `panel version` only, not at every start).
func NewCmdVersion(f *cmdutil.Factory, stamped string) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print panel's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(f.IO.Out, "panel %s (%s, %s/%s)\n", Build(stamped), runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return err
		},
	}
}
