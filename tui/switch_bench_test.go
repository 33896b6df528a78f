package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/panel-dev/panel/emulator"
)

// BenchmarkSwitchThroughRootModel is an organization switch as the user
// makes it, with every response 100 ms away: Enter in the switcher filtered
// to the target, until the header shows the organization (RTT-shown/op) and
// then its fresh project (RTT-loaded/op). go run ./bench measures the same
// with medians, and on the real binary.
func BenchmarkSwitchThroughRootModel(b *testing.B) {
	const rtt = 100 * time.Millisecond
	e := newEnv(b, emulator.Options{})
	d := startModel(b, e.deps())
	d.signIn()
	d.WaitView("org acme", "project default")
	e.srv.Controls().SetLatency(rtt)
	headerHas := func(texts ...string) bool {
		line, _, _ := strings.Cut(d.m.View(), "\n")
		for _, s := range texts {
			if !strings.Contains(line, s) {
				return false
			}
		}
		return true
	}
	var shown, loaded time.Duration
	n := 0
	for b.Loop() {
		target := []string{"globex", "acme"}[n%2]
		d.Press("o")
		d.WaitView("globex", "initech")
		d.Press(target)
		d.WaitView("1 of ")
		start := time.Now()
		d.Press("enter")
		d.WaitFor("the header to show "+target, func() bool { return headerHas("org " + target) })
		shown += time.Since(start)
		d.WaitFor("the header to show the project", func() bool { return headerHas("org "+target, "project ") })
		loaded += time.Since(start)
		d.WaitView("Switched to " + target)
		n++
	}
	b.ReportMetric(float64(shown)/float64(n)/float64(rtt), "RTT-shown/op")
	b.ReportMetric(float64(loaded)/float64(n)/float64(rtt), "RTT-loaded/op")
}
