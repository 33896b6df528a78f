package cmdutil

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/panel-dev/panel/internal/config"
	"github.com/panel-dev/panel/internal/safefile"
)

// DebugLogName is the --debug log below the profile directory.
const DebugLogName = "debug.log"

// OpenDebugLog opens the profile's debug log for appending (0600). A symbolic link in its place is
// refused, not followed (B27): the log would otherwise write wherever the link points.
func OpenDebugLog(cfg *config.Config) (*os.File, error) {
	dir, err := cfg.EnsureProfileDir()
	if err != nil {
		return nil, err
	}
	file, err := safefile.OpenAppend(filepath.Join(dir, DebugLogName))
	if err != nil {
		return nil, fmt.Errorf("cannot open the debug log: %w", err)
	}
	return file, nil
}
