package progress

import (
	"strings"
	"sync"
	"testing"
	"time"
)

type buffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *buffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *buffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func TestSpinsOnATerminalAndErasesItsLine(t *testing.T) {
	var b buffer
	ind := Start(&b, true, 0, "Loading organizations")
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(b.String(), "Loading organizations") {
		if time.Now().After(deadline) {
			t.Fatal("the spinner never showed")
		}
		time.Sleep(5 * time.Millisecond)
	}
	ind.Stop()
	ind.Stop()
	out := b.String()
	if !strings.HasPrefix(out, "\r") || !strings.HasSuffix(out, "\r\x1b[K") {
		t.Fatalf("spinner output %q", out)
	}
}

func TestSilentWhenNotATerminalOrStoppedBeforeTheDelay(t *testing.T) {
	var b buffer
	Start(&b, false, 0, "x").Stop()
	Start(&b, true, time.Hour, "y").Stop()
	if b.String() != "" {
		t.Fatalf("wrote %q", b.String())
	}
	var nilInd *Indicator
	nilInd.Stop()
}
