package main

import (
	"bufio"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/panel-dev/panel/api"
)

// The switcher's curve: the same measures at each size of -orgs (1,000,
// 10,000 and 100,000 organizations), in the package benchmarks
// (switcherBench: the work of a keystroke or a frame, without the terminal)
// and on the real binary in a pseudo-terminal (switcherPTY: what a user
// sees, the renderer's frame tick and the process included).

// switcherGoals are the goals by size ("" none).
func switcherGoal(n int, goals map[int]string) string {
	if g, ok := goals[n]; ok {
		return g
	}
	return "—"
}

var (
	loadGoals      = map[int]string{10_000: "≤ 2.5 s", 100_000: "≤ 15 s"}
	rssGoals       = map[int]string{10_000: "≤ 30 MB", 100_000: "≤ 100 MB"}
	keystrokeGoals = map[int]string{10_000: "≤ 1 ms", 100_000: "≤ 3 ms"}
)

// switcherBench runs the tui/screens/orgs benchmarks at each size: a filter
// keystroke (typing and erasing "b42"), the first keystroke into an empty
// filter (every organization matched and ranked), a frame; and what one page
// of 100 costs the switcher as it loads (bytes and allocations).
func (h *harness) switcherBench() error {
	for _, n := range h.orgs {
		pattern := fmt.Sprintf("/^orgs=%d$", n) // every benchmark of the curve at that size
		res, err := h.goBench("./tui/screens/orgs", pattern)
		if err != nil {
			return err
		}
		cmd := fmt.Sprintf("`go test -run '^$' -bench '%s' -count %d ./tui/screens/orgs`", pattern, h.runs)
		for _, b := range []struct{ name, title, goal string }{
			{"BenchmarkFilterKeystroke", "filter keystroke (match + frame)", switcherGoal(n, keystrokeGoals)},
			{"BenchmarkFilterFirstKeystroke", "first keystroke into an empty filter (match + frame)", switcherGoal(n, keystrokeGoals)},
			{"BenchmarkRenderFrame", "frame (View)", "≤ 8 ms"},
		} {
			r := res[fmt.Sprintf("%s/orgs=%d", b.name, n)]
			h.add(result{Name: fmt.Sprintf("Switcher, %s orgs: %s", thousands(n), b.title), Goal: b.goal,
				Samples: r.ns, Note: r.note() + "; " + cmd})
		}
	}
	res, err := h.goBench("./tui/screens/orgs", "^BenchmarkSwitcherPage$")
	if err != nil {
		return err
	}
	for name, r := range res {
		h.add(result{Name: "Switcher: one page of 100 organizations appended and given to the list (" +
			strings.TrimPrefix(name, "BenchmarkSwitcherPage/") + ")", Goal: "—", Samples: r.ns,
			Note: r.note() + " (per page); `go test -run '^$' -bench BenchmarkSwitcherPage ./tui/screens/orgs`"})
	}
	return nil
}

// switcherPTY measures the switcher on the real binary in a pseudo-terminal
// at each size: `o` typed → the footer counts every organization (all
// loaded); each key of "bench-4" typed → the frame showing it in the filter
// (the list is filtered in the same frame); page down → the next frame; and
// the process's peak resident memory (VmHWM) after all that.
func (h *harness) switcherPTY() error {
	for _, n := range h.orgs {
		if err := h.switcherPTYAt(n); err != nil {
			return fmt.Errorf("%s orgs: %w", thousands(n), err)
		}
	}
	return nil
}

func (h *harness) switcherPTYAt(n int) error {
	em, err := startEmulator(h.panel, "--latency", h.rtt.String(), "--orgs", strconv.Itoa(n))
	if err != nil {
		return err
	}
	defer em.stop()
	p, err := h.newProfile(em)
	if err != nil {
		return err
	}
	defer p.signOut()
	if err := p.signIn(); err != nil {
		return err
	}
	total := n + 3 // the generated ones and the demo's
	all := regexp.MustCompile(fmt.Sprintf(`\b%d organizations`, total))
	var load, keys, firstKeys, frames samples
	var peaks []float64
	var pages int
	for i := range h.runs {
		t, _, err := startPTY(p.command())
		if err != nil {
			return err
		}
		em.clearRequests()
		r, err := h.switcherRun(t, all)
		t.stop()
		if err != nil {
			return err
		}
		pages = countPath(em.requests(), "GET", "/v1/account/organizations")
		h.logf("switcher %d orgs, run %d: all loaded %s, keys %v, page down %s, peak RSS %.1f MB, %d page requests",
			total, i+1, ms(r.load), r.keys, ms(r.frame), r.peak, pages)
		load, frames, peaks = append(load, r.load), append(frames, r.frame), append(peaks, r.peak)
		keys, firstKeys = append(keys, r.keys...), append(firstKeys, r.keys[0])
	}
	size := thousands(n)
	h.add(result{Name: fmt.Sprintf("Switcher, %s orgs (real binary, pty): `o` → every organization loaded", size),
		Goal: switcherGoal(n, loadGoals), Samples: load, RTT: true,
		Note: fmt.Sprintf("%d page requests of 100, up to %d in flight", pages, api.DefaultInFlight)})
	h.add(result{Name: fmt.Sprintf("Switcher, %s orgs (real binary, pty): peak resident memory", size),
		Goal: switcherGoal(n, rssGoals), Value: mb(median(peaks)),
		Note: fmt.Sprintf("VmHWM of the panel process, min %s max %s", mb(minOf(peaks)), mb(maxOf(peaks)))})
	h.add(result{Name: fmt.Sprintf("Switcher, %s orgs (real binary, pty): key → frame with the filtered list", size),
		Goal: "—", Samples: keys,
		Note: fmt.Sprintf("the 7 keys of bench-4, all loaded; first key (all matched) median %s; includes the frame tick (120/s)",
			ms(firstKeys.median()))})
	h.add(result{Name: fmt.Sprintf("Switcher, %s orgs (real binary, pty): page down → next frame", size),
		Goal: "—", Samples: frames})
	return nil
}

type switcherRunResult struct {
	load, frame time.Duration
	keys        samples
	peak        float64
}

// switcherRun opens the switcher from home once the gate passed, waits for
// every organization, types the filter key by key, clears it, pages down,
// and reads the peak memory.
func (h *harness) switcherRun(t *ptyTerm, all *regexp.Regexp) (switcherRunResult, error) {
	var r switcherRunResult
	if _, _, err := t.waitFor("pending", 0, 30*time.Second); err != nil { // home loaded: the gate passed
		return r, err
	}
	off := t.size()
	start := t.keys("o")
	at, off, err := t.waitMatch(all, off, 3*time.Minute)
	if err != nil {
		return r, err
	}
	r.load = at.Sub(start)
	const filter = "bench-4"
	for i := range filter {
		typed := filter[:i+1]
		shown := regexp.MustCompile(`/ (?:\x1b\[[0-9;]*m)*` + regexp.QuoteMeta(typed))
		start := t.keys(filter[i : i+1])
		at, end, err := t.waitMatch(shown, off, 30*time.Second)
		if err != nil {
			return r, err
		}
		r.keys, off = append(r.keys, at.Sub(start)), end
	}
	t.keys("\x1b") // esc clears the filter: the whole list again
	if _, _, err = t.waitMatch(all, off, 30*time.Second); err != nil {
		return r, err
	}
	time.Sleep(50 * time.Millisecond) // let the frame settle before the next key
	off = t.size()
	start = t.keys("\x1b[6~") // page down
	at, _, err = t.waitMatch(regexp.MustCompile(`.`), off, 30*time.Second)
	if err != nil {
		return r, err
	}
	r.frame = at.Sub(start)
	r.peak, err = t.peakRSS()
	return r, err
}

var (
	benchLine = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op`)
	memOfOp   = regexp.MustCompile(`\s(\d+) B/op\s+(\d+) allocs/op`)
	cpuOfOp   = regexp.MustCompile(`\s([\d.]+) cpu-ns/op`)
)

// benchResult is one benchmark's ns/op over the runs, its CPU time per op
// (when it reports cpu-ns/op) and its memory per op.
type benchResult struct {
	ns, cpu samples
	mem     string // "101,851 B/op, 104 allocs/op" (the last run's)
}

// note says the CPU time per op (median, min–max) and the memory per op.
func (r benchResult) note() string {
	if len(r.cpu) == 0 {
		return r.mem
	}
	return fmt.Sprintf("CPU time %s (%s–%s) a op (the load stretches it less); %s", ms(r.cpu.median()),
		ms(r.cpu.min()), ms(r.cpu.max()), r.mem)
}

// goBench runs the benchmarks matching pattern -count=runs times and returns
// each one's results by name.
func (h *harness) goBench(pkg, pattern string) (map[string]benchResult, error) {
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", pattern, "-count", strconv.Itoa(h.runs), pkg)
	out, err := cmd.CombinedOutput()
	h.logf("%s", strings.TrimSpace(string(out)))
	if err != nil {
		return nil, fmt.Errorf("go test -bench %s %s: %w", pattern, pkg, err)
	}
	res := map[string]benchResult{}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		m := benchLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		ns, _ := strconv.ParseFloat(m[2], 64)
		r := res[m[1]]
		r.ns = append(r.ns, time.Duration(ns))
		if c := cpuOfOp.FindStringSubmatch(sc.Text()); c != nil {
			v, _ := strconv.ParseFloat(c[1], 64)
			r.cpu = append(r.cpu, time.Duration(v))
		}
		if mm := memOfOp.FindStringSubmatch(sc.Text()); mm != nil {
			b, _ := strconv.Atoi(mm[1])
			r.mem = fmt.Sprintf("%s B/op, %s allocs/op", thousands(b), mm[2])
		}
		res[m[1]] = r
	}
	if len(res) == 0 {
		return nil, fmt.Errorf("no result from %s", pattern)
	}
	return res, nil
}

// thousands writes n with thousands separators: 100,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func mb(v float64) string { return fmt.Sprintf("%.1f MB", v) }

func median(v []float64) float64 {
	s := make(samples, len(v))
	for i, x := range v {
		s[i] = time.Duration(x * 1e6)
	}
	return float64(s.median()) / 1e6
}

func minOf(v []float64) float64 {
	m := v[0]
	for _, x := range v {
		m = min(m, x)
	}
	return m
}

func maxOf(v []float64) float64 {
	m := v[0]
	for _, x := range v {
		m = max(m, x)
	}
	return m
}
