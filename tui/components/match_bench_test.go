package components

import (
	"fmt"
	"testing"
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
			for range b.N {
				m.levels = m.levels[:0] // nothing kept: a fresh search
				m.match(q)
			}
		})
	}
}
