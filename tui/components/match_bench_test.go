package components

import (
	"fmt"
	"syscall"
	"testing"
	"time"
)

// BenchmarkMatchQuery is the matcher alone over 100,000 texts like the
// emulator's generated organizations, each query searched afresh (as the
// first key into an empty filter is): one byte that every text holds ("b",
// "e"), some ("4") or none ("z"), and longer queries.
func BenchmarkMatchQuery(b *testing.B) {
	texts := make([]string, 100_000)
	for i := range texts {
		texts[i] = fmt.Sprintf("bench-%05d org_bench_%05d", i, i)
	}
	for _, q := range []string{"b", "e", "4", "z", "be", "b4", "b42"} {
		b.Run("q="+q, func(b *testing.B) {
			m := newMatcher(texts)
			b.ReportAllocs()
			b.ResetTimer()
			start := cpuTime(b)
			for range b.N {
				m.match("") // erased: a fresh search, as a first key
				m.match(q)
			}
			b.ReportMetric(float64(cpuTime(b)-start)/float64(b.N), "cpu-ns/op")
		})
	}
}

// cpuTime is the CPU time this process used so far, every thread (the
// collector's too): on a shared machine it stretches less than wall time.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
