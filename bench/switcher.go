package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// switcher measures the organization switcher with 10,000 organizations:
// filter time per keystroke and render time per frame from the benchmarks
// in tui/screens/orgs (run -count times), then, in a fresh process of its
// own against the emulator at -rtt, the time to load every page in the
// background and the resident memory once all are loaded.
func (h *harness) switcher() error {
	for _, b := range []struct{ bench, name, goal string }{
		{"BenchmarkFilterKeystroke/orgs=10000", "Switcher, 10,000 orgs: filter time per keystroke (match + frame)", "≤ 1 ms"},
		{"BenchmarkRenderFrame/orgs=10000", "Switcher, 10,000 orgs: render time per frame", "≤ 8 ms"},
	} {
		s, err := h.goBench("./tui/screens/orgs", b.bench)
		if err != nil {
			return err
		}
		h.add(result{Name: b.name, Goal: b.goal, Samples: s,
			Note: fmt.Sprintf("`go test -bench %s -count %d ./tui/screens/orgs`", b.bench, h.runs)})
	}

	em, err := startEmulator(h.panel, "--latency", h.rtt.String(), "--orgs", "10000")
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
	var load, first samples
	var rss, peak, heap, alloc []float64
	var pages int
	for i := range h.runs {
		cmd := exec.Command(h.self, childSwitcher)
		cmd.Env = append(p.env, "PANEL_BENCH_RTT="+h.rtt.String(), "PANEL_BENCH_EMULATOR="+em.URL, "PANEL_BENCH_STORAGE="+h.storage)
		em.clearRequests()
		out, err := cmd.Output()
		if err != nil {
			return fmt.Errorf("switcher child: %w", err)
		}
		var r switcherReport
		if err := json.Unmarshal(out, &r); err != nil {
			return fmt.Errorf("switcher child said %q: %w", out, err)
		}
		pages = countPath(em.requests(), "GET", "/v1/account/organizations")
		h.logf("switcher run %d: %d orgs, first page %s, all loaded %s, %d page requests, RSS %.1f MB (peak %.1f MB), live heap %.1f MB, %.0f MB allocated",
			i+1, r.Orgs, ms(r.FirstPage), ms(r.Loaded), pages, r.RSSMB, r.PeakMB, r.HeapMB, r.AllocMB)
		heap, alloc = append(heap, r.HeapMB), append(alloc, r.AllocMB)
		load, first = append(load, r.Loaded), append(first, r.FirstPage)
		rss, peak = append(rss, r.RSSMB), append(peak, r.PeakMB)
	}
	h.add(result{Name: "Switcher, 10,000 orgs: first page shown (background walk starts)", Goal: "—", Samples: first, RTT: true})
	h.add(result{Name: "Switcher, 10,000 orgs: all pages loaded in the background", Goal: "(no goal)", Samples: load, RTT: true,
		Note: fmt.Sprintf("%d sequential page requests of 100 (has_next paging)", pages)})
	h.add(result{Name: "Switcher, 10,000 orgs: resident memory (whole process, all loaded, after filter and frames)", Goal: "≤ 40 MB",
		Value: mb(median(peak)) + " peak", Note: fmt.Sprintf("VmHWM min %s max %s; VmRSS after GC %s; live heap %s; %s allocated during the walk",
			mb(minOf(peak)), mb(maxOf(peak)), mb(median(rss)), mb(median(heap)), mb(median(alloc)))})
	return nil
}

var benchLine = regexp.MustCompile(`^(Benchmark\S+)\s+\d+\s+([\d.]+) ns/op`)

// goBench runs one benchmark -count=runs times and returns its ns/op.
func (h *harness) goBench(pkg, name string) (samples, error) {
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", "^"+name+"$", "-count", strconv.Itoa(h.runs), pkg)
	out, err := cmd.CombinedOutput()
	h.logf("%s", strings.TrimSpace(string(out)))
	if err != nil {
		return nil, fmt.Errorf("go test -bench %s %s: %w", name, pkg, err)
	}
	var s samples
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		if m := benchLine.FindStringSubmatch(sc.Text()); m != nil {
			ns, _ := strconv.ParseFloat(m[2], 64)
			s = append(s, time.Duration(ns))
		}
	}
	if len(s) == 0 {
		return nil, fmt.Errorf("no result from %s", name)
	}
	return s, nil
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
