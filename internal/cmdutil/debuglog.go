package cmdutil

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

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

// debugLog is the open --debug log of this process.
type debugLog struct {
	file  *os.File
	log   *slog.Logger
	start time.Time
}

// StartDebugLog opens the profile's debug log when --debug (or PANEL_DEBUG) asks for it and writes to it, as
// log/slog text records, the command that runs and every HTTP exchange under it: method, host, path, the query's
// names, status and duration. Never a header, a body or a query value, so never a token. Without --debug it
// loads nothing. Call it before the app is built (the root's PersistentPreRunE).
func (f *Factory) StartDebugLog(cmd *cobra.Command) error {
	if f.debug != nil || !f.Overrides.WantDebug() {
		return nil
	}
	cfg, err := f.Config()
	if err != nil {
		return nil // the command says what is wrong with the configuration
	}
	file, err := OpenDebugLog(cfg)
	if err != nil {
		return err
	}
	d := &debugLog{file: file, start: time.Now(),
		log: slog.New(slog.NewTextHandler(file, &slog.HandlerOptions{Level: slog.LevelDebug})).With("pid", os.Getpid())}
	f.debug = d
	f.HTTPTransport = &loggingTransport{base: f.HTTPTransport, log: d.log}
	d.log.Info("command", "path", cmd.CommandPath(), "flags", changedFlags(cmd), "profile", cfg.Profile)
	return nil
}

// DebugLog is the open debug log (nil without --debug): the TUI sends its error stream there.
func (f *Factory) DebugLog() io.Writer {
	if f.debug == nil {
		return nil
	}
	return f.debug.file
}

// EndDebugLog records how the command ended and closes the debug log.
func (f *Factory) EndDebugLog(code int, err error) {
	d := f.debug
	if d == nil {
		return
	}
	f.debug = nil
	attrs := []any{"exit_code", code, "duration", time.Since(d.start).Round(time.Millisecond)}
	if err != nil {
		attrs = append(attrs, "error", err.Error())
	}
	d.log.Info("exit", attrs...)
	_ = d.file.Close()
}

// changedFlags names the flags set on the command line, without their values (a value could be a secret).
func changedFlags(cmd *cobra.Command) []string {
	var names []string
	cmd.Flags().Visit(func(fl *pflag.Flag) { names = append(names, fl.Name) })
	return names
}

// loggingTransport logs each exchange's line (no header, body or query value) to the debug log.
type loggingTransport struct {
	base http.RoundTripper
	log  *slog.Logger
}

func (t *loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	base := t.base
	if base == nil {
		base = http.DefaultTransport
	}
	start := time.Now()
	res, err := base.RoundTrip(req)
	attrs := []any{"method", req.Method, "host", req.URL.Host, "path", req.URL.Path}
	if q := req.URL.Query(); len(q) > 0 {
		keys := make([]string, 0, len(q))
		for k := range q {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		attrs = append(attrs, "query", strings.Join(keys, ","))
	}
	attrs = append(attrs, "duration", time.Since(start).Round(time.Millisecond))
	if err != nil {
		t.log.Debug("http", append(attrs, "error", err.Error())...)
		return res, err
	}
	t.log.Debug("http", append(attrs, "status", res.StatusCode)...)
	return res, err
}
