package main

import (
	"testing"

	"github.com/panel-dev/panel/internal/testmain"
)

// envRunAsPanel makes the test binary behave as the panel binary: tests that
// need a real process (the demo's BROWSER command, concurrent `panel token`)
// re-execute os.Executable() with this variable set.
const envRunAsPanel = "PANEL_TEST_RUN_AS_PANEL"

func TestMain(m *testing.M) { testmain.Run(m, testmain.ActAs(envRunAsPanel, run)) }
