package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// statusOffline measures `panel status --offline` (start → exit): the
// local store and the token store only, for shell prompts. With hyperfine
// installed its figures are saved next to the raw log as well.
func (h *harness) statusOffline() error {
	em, p, stop, err := h.signedIn()
	if err != nil {
		return err
	}
	defer stop()
	for range 3 { // warm the page cache, as a prompt that runs it every time does
		if _, err := p.timed("status", "--offline"); err != nil {
			return err
		}
	}
	em.clearRequests()
	var s samples
	for range 4 * h.runs {
		d, err := p.timed("status", "--offline")
		if err != nil {
			return err
		}
		s = append(s, d)
	}
	if n := len(em.requests()); n != 0 {
		return fmt.Errorf("status --offline made %d requests", n)
	}
	h.logf("status --offline: %v", s)
	note := fmt.Sprintf("%d runs, 0 requests", len(s))
	if hf := h.hyperfine(p, "status --offline"); hf != "" {
		note += "; hyperfine: " + hf
	}
	h.add(result{Name: "`panel status --offline` (process start → exit)", Goal: "≤ 2× floor", Samples: s, Floor: true,
		Note: note})
	return nil
}

// hyperfine runs `panel args` under hyperfine when it is installed and
// returns its mean ± σ (min … max); "" without it.
func (h *harness) hyperfine(p *profile, args string) string {
	bin, err := exec.LookPath("hyperfine")
	if err != nil {
		return ""
	}
	export := filepath.Join(h.work, "hyperfine.json")
	cmd := exec.Command(bin, "--warmup", "3", "--runs", "30", "-N", "--export-json", export, h.panel+" "+args)
	cmd.Env = p.env
	if out, err := cmd.CombinedOutput(); err != nil {
		h.logf("hyperfine: %v\n%s", err, out)
		return ""
	} else {
		h.logf("%s", strings.TrimSpace(string(out)))
	}
	data, _ := os.ReadFile(export)
	var r struct {
		Results []struct{ Mean, Stddev, Median, Min, Max float64 }
	}
	if json.Unmarshal(data, &r) != nil || len(r.Results) == 0 {
		return ""
	}
	x := r.Results[0]
	sec := func(v float64) string { return ms(time.Duration(v * float64(time.Second))) }
	return fmt.Sprintf("median %s, mean %s ± %s (min %s, max %s)", sec(x.Median), sec(x.Mean), sec(x.Stddev), sec(x.Min), sec(x.Max))
}
