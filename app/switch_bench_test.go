package app_test

import (
	"testing"
	"time"

	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/emulator"
)

// benchRTT is the round trip the emulator adds to every response: the
// figures below are multiples of it (README "Performance").
const benchRTT = 100 * time.Millisecond

// BenchmarkSwitchOrganization is one switch between two organizations the
// list knows (the refresh, then the organization and its default project at
// once) with every response 100 ms away. Metrics, in RTTs: the token step
// (the TUI shows the organization then), the loaded step (organization and
// project fresh) and the whole call; and the requests per switch.
func BenchmarkSwitchOrganization(b *testing.B) {
	srv := startEmulator(b, emulator.Options{})
	e := newEnv(b, srv, "alice@example.com")
	acme, globex := e.org("acme"), e.org("globex")
	srv.Controls().SetLatency(benchRTT)
	e.clearRequests()
	var ready, loaded, total time.Duration
	n := 0
	for b.Loop() {
		target := globex
		if n%2 == 1 {
			target = acme
		}
		start := time.Now()
		_, err := e.app.SwitchOrganization(ctx(b), target, func(p app.SwitchProgress) {
			switch p.Step {
			case app.SwitchTokenReady:
				ready += time.Since(start)
			case app.SwitchLoaded:
				loaded += time.Since(start)
			}
		})
		if err != nil {
			b.Fatal(err)
		}
		total += time.Since(start)
		n++
	}
	per := func(d time.Duration) float64 { return float64(d) / float64(n) / float64(benchRTT) }
	b.ReportMetric(per(ready), "RTT-token/op")
	b.ReportMetric(per(loaded), "RTT-loaded/op")
	b.ReportMetric(per(total), "RTT/op")
	b.ReportMetric(float64(len(e.requests()))/float64(n), "requests/op")
}
