package main

import (
	"fmt"
	"slices"
	"time"
)

// samples are the measured durations of one figure.
type samples []time.Duration

func (s samples) sorted() samples {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}

func (s samples) median() time.Duration {
	if len(s) == 0 {
		return 0
	}
	c := s.sorted()
	if len(c)%2 == 1 {
		return c[len(c)/2]
	}
	return (c[len(c)/2-1] + c[len(c)/2]) / 2
}

func (s samples) min() time.Duration { return slices.Min(s) }
func (s samples) max() time.Duration { return slices.Max(s) }

// ms formats a duration in milliseconds with one decimal (three under 1 ms).
func ms(d time.Duration) string {
	if d < time.Millisecond {
		return fmt.Sprintf("%.3f ms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
}

// rtts formats a duration as a multiple of the round trip.
func rtts(d, rtt time.Duration) string {
	return fmt.Sprintf("%.2f RTT", float64(d)/float64(rtt))
}
