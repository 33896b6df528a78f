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
	"strconv"
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
	storage string        // "file" or "keyring"
	work    string        // throwaway profiles and builds
	orgs    []int         // the switcher's sizes (the emulator's --orgs)
	floor   time.Duration // a minimal Go program's start → exit (0 until measured)
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
	// Floor shows the figures as multiples of the start-up floor too, after
	// taking FloorAfter round trips off (a command's requests).
	Floor      bool
	FloorAfter int
}

func (h *harness) add(r result)                 { h.results = append(h.results, r) }
func (h *harness) logf(format string, a ...any) { fmt.Fprintf(h.log, format+"\n", a...) }

// measurements, in order. external ones run the real binary as a user does
// (a process, or a pseudo-terminal for the TUI): -mode external runs only
// them, and the start-up floor is measured first whenever one runs.
var measurements = []struct {
	name     string
	run      func(*harness) error
	external bool
}{
	{"switch-tui", (*harness).switchTUI, false},
	{"switch-pty", (*harness).switchPTY, true},
	{"switch-cli", (*harness).switchCLI, true},
	{"first-frame", (*harness).firstFrame, true},
	{"status-offline", (*harness).statusOffline, true},
	{"switcher", (*harness).switcherPTY, true},
	{"switcher-bench", (*harness).switcherBench, false},
	{"refresh", (*harness).refreshes, false},
	{"signin", (*harness).signInOverhead, false},
}

func main() {
	if actAsBrowser() {
		return
	}
	rtt := flag.Duration("rtt", 100*time.Millisecond, "round trip the emulator adds to every response (--latency)")
	runs := flag.Int("runs", 5, "runs per figure (median, min and max are reported)")
	only := flag.String("only", "", "comma-separated measurements to run: "+names())
	storage := flag.String("storage", "auto", "token storage: file, keyring, or auto (keyring when a Secret Service answers)")
	out := flag.String("out", "bench/results", "directory for the raw output and the table")
	mode := flag.String("mode", "all", "all, or external: only the real binary as a user runs it (processes, a pty)")
	orgs := flag.String("orgs", "1000,10000,100000", "the switcher's sizes: organizations the emulator gives the user (--orgs)")
	flag.Parse()
	lipgloss.SetColorProfile(termenv.Ascii)
	sizes, err := parseSizes(*orgs)
	if err == nil && *mode != "all" && *mode != "external" {
		err = fmt.Errorf("-mode %q: all or external", *mode)
	}
	if err == nil {
		err = run(config{rtt: *rtt, runs: *runs, only: *only, storage: *storage, out: *out, external: *mode == "external",
			orgs: sizes})
	}
	if err != nil {
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

// config is the command line.
type config struct {
	rtt           time.Duration
	runs          int
	only, storage string
	out           string
	external      bool
	orgs          []int
}

func parseSizes(list string) ([]int, error) {
	var sizes []int
	for _, f := range strings.Split(list, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("-orgs %q: a list of positive counts", list)
		}
		sizes = append(sizes, n)
	}
	return sizes, nil
}

func run(c config) (err error) {
	rtt, runs, only, storage, out := c.rtt, c.runs, c.only, c.storage, c.out
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
	h := &harness{self: self, rtt: rtt, runs: runs, work: work, log: io.MultiWriter(os.Stderr, raw), storage: storage,
		orgs: c.orgs}
	h.panel = filepath.Join(work, "panel")
	build := append(append([]string{"build"}, buildFlags...), "-o", h.panel, "./cmd/panel")
	cmd := exec.Command("go", build...)
	cmd.Env = buildEnv()
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build ./cmd/panel: %w\n%s", err, b)
	}
	h.logf("machine: %s; load: %s; tokens in: %s; RTT %s; %d runs per figure", machine(), load(), h.storage, rtt, runs)
	selected := func(name string, external bool) bool {
		return (only == "" || strings.Contains(","+only+",", ","+name+",")) && (!c.external || external)
	}
	for _, m := range measurements {
		if selected(m.name, m.external) && m.external {
			h.logf("== floor")
			if err := h.measureFloor(); err != nil {
				return err
			}
			break
		}
	}
	for _, m := range measurements {
		if !selected(m.name, m.external) {
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
	if only != "" || c.external {
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

// load is the load average (1, 5, 15 minutes) as uptime says it: the machine
// is shared, and a loaded one stretches every figure.
func load() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], ", ")
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}
