package main

import (
	"os"
	"testing"
)

// envRunAsPanel makes the test binary behave as the panel binary: tests that
// need a real process (the demo's BROWSER command, concurrent `panel token`)
// re-execute os.Executable() with this variable set.
const envRunAsPanel = "PANEL_TEST_RUN_AS_PANEL"

func TestMain(m *testing.M) {
	if os.Getenv(envRunAsPanel) == "1" {
		os.Exit(run(os.Args[1:]))
	}
	os.Exit(m.Run())
}
