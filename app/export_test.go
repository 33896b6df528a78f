package app

import (
	"testing"
	"time"
)

// SetSentWait sets how long a switch waits for its reads to be on the wire, for the test.
func SetSentWait(t *testing.T, d time.Duration) {
	was := sentWait
	sentWait = d
	t.Cleanup(func() { sentWait = was })
}
