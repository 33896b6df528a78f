package main

import (
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// maxInitBytes bounds what one of panel's own packages may allocate before main: every command links the
// emulator and the TUI, so what they build at init (templates, regular expressions, tables) every command
// pays. Such things are built on first use instead.
const maxInitBytes = 8 << 10

// testOnly are packages made for tests, whose init work (httptest registers a flag and builds test
// certificates) every start would pay if the binary linked them.
var testOnly = []string{"net/http/httptest", "net/http/internal/testcert", "testing"}

// Nothing of panel's own is built at start-up: the built binary's init trace (GODEBUG=inittrace=1) shows
// each of its packages allocating at most maxInitBytes, and no package made for tests.
func TestNothingOfOursIsBuiltAtStartUp(t *testing.T) {
	bin := buildPanel(t)
	cmd := exec.Command(bin, "version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("panel version: %v\n%s", err, out)
	}
	seen := 0
	for _, line := range strings.Split(string(out), "\n") {
		// init github.com/panel-dev/panel/internal/config @7.6 ms, 0.027 ms clock, 4472 bytes, 56 allocs
		f := strings.Fields(line)
		if len(f) > 1 && f[0] == "init" && slices.Contains(testOnly, f[1]) {
			t.Errorf("%s is linked and initialised at every start (a test package: keep it in _test files)", f[1])
		}
		if len(f) < 9 || f[0] != "init" || !strings.HasPrefix(f[1], "github.com/panel-dev/panel/") || f[8] != "bytes," {
			continue
		}
		seen++
		if n, err := strconv.Atoi(f[7]); err != nil || n > maxInitBytes {
			t.Errorf("%s allocates %s bytes at init (at most %d): build it on first use", f[1], f[7], maxInitBytes)
		}
	}
	if seen == 0 {
		t.Fatalf("no init trace of panel's packages in:\n%s", out)
	}
}
