package orgs

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time this process used so far, every thread (the
// collector's too).
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds cpu-ns/op: on a machine shared with other work the wall
// time per op stretches with the load, the CPU time an op costs much less
// (only through shared caches and memory bandwidth).
// The timer's pauses are not taken off: call it only around loops that
// never stop it.
func reportCPU(b *testing.B, since time.Duration) {
	b.ReportMetric(float64(cpuTime(b)-since)/float64(b.N), "cpu-ns/op")
}
