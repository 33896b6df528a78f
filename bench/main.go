package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// harness holds what every measurement needs and collects the results.
type harness struct {
	panel   string        // the built cmd/panel
	self    string        // this program (the test browser)
	rtt     time.Duration // the emulator's added latency
	runs    int
	storage string // "file" or "keyring"
	work    string // throwaway profiles and builds
	log     io.Writer
	results []result
}

// result is one row of the table.
type result struct {
	Name, Goal string
	Samples    samples
	RTT        bool   // also show the figures as multiples of the RTT
	Value      string // instead of samples (counts, sizes)
	Note       string
}

func (h *harness) add(r result)                 { h.results = append(h.results, r) }
func (h *harness) logf(format string, a ...any) { fmt.Fprintf(h.log, format+"\n", a...) }

var measurements = []struct {
	name string
	run  func(*harness) error
}{
	{"switch-tui", (*harness).switchTUI},
	{"switch-pty", (*harness).switchPTY},
	{"switch-cli", (*harness).switchCLI},
	{"first-frame", (*harness).firstFrame},
	{"status-offline", (*harness).statusOffline},
	{"switcher", (*harness).switcher},
	{"refresh", (*harness).refreshes},
	{"signin", (*harness).signInOverhead},
}

func main() {
	if actAsBrowser() {
		return
	}
	if len(os.Args) > 1 && os.Args[1] == childSwitcher {
		os.Exit(switcherChild())
	}
	rtt := flag.Duration("rtt", 100*time.Millisecond, "round trip the emulator adds to every response (--latency)")
	runs := flag.Int("runs", 5, "runs per figure (median, min and max are reported)")
	only := flag.String("only", "", "comma-separated measurements to run: "+names())
	storage := flag.String("storage", "auto", "token storage: file, keyring, or auto (keyring when a Secret Service answers)")
	out := flag.String("out", "bench/results", "directory for the raw output and the table")
	flag.Parse()
	lipgloss.SetColorProfile(termenv.Ascii)
	if err := run(*rtt, *runs, *only, *storage, *out); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func names() string {
	n := make([]string, len(measurements))
	for i, m := range measurements {
		n[i] = m.name
	}
	return strings.Join(n, ",")
}

func run(rtt time.Duration, runs int, only, storage, out string) (err error) {
	work, err := os.MkdirTemp("", "panel-bench-")
	if err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(work) }()       // a temp dir: the OS cleans what this leaves
	if err := os.MkdirAll(out, 0o755); err != nil { //nolint:gosec // results are committed, readable like any source
		return err
	}
	storage = chooseStorage(storage)
	stamp := time.Now().UTC().Format("2006-01-02T150405Z")
	raw, err := os.Create(filepath.Join(out, stamp+"-"+storage+".log"))
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, raw.Close()) }() // the raw log is a result: losing it is an error
	self, err := os.Executable()
	if err != nil {
		return err
	}
	h := &harness{self: self, rtt: rtt, runs: runs, work: work, log: io.MultiWriter(os.Stderr, raw), storage: storage}
	h.panel = filepath.Join(work, "panel")
	if b, err := exec.Command("go", "build", "-o", h.panel, "./cmd/panel").CombinedOutput(); err != nil {
		return fmt.Errorf("go build ./cmd/panel: %w\n%s", err, b)
	}
	h.logf("machine: %s; tokens in: %s; RTT %s; %d runs per figure", machine(), h.storage, rtt, runs)
	for _, m := range measurements {
		if only != "" && !strings.Contains(","+only+",", ","+m.name+",") {
			continue
		}
		h.logf("== %s", m.name)
		if err := m.run(h); err != nil {
			h.logf("%s failed: %v", m.name, err)
			h.add(result{Name: m.name, Value: "failed", Note: firstLine(err.Error())})
		}
	}
	table := h.table(stamp)
	fmt.Print(table)
	fmt.Fprint(raw, "\n"+table)
	if only != "" {
		return nil // a partial run does not replace the table
	}
	return os.WriteFile(filepath.Join(out, "latest-"+storage+".md"), []byte(table), 0o644) //nolint:gosec // committed, like the dir
}

func machine() string {
	cpu := ""
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "model name") {
				_, cpu, _ = strings.Cut(l, ": ")
				break
			}
		}
	}
	return fmt.Sprintf("%d cores (%s), %s %s/%s", runtime.NumCPU(), cpu, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}
