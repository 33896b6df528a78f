package controlpanel_test

import (
	"flag"
	"fmt"
	"os"
	"testing"

	"github.com/panel-dev/panel/internal/spectest"
)

// coverage collects the operations every test in this package exercised
// through spectest, so TestMain can check that the spec is covered.
var coverage = spectest.NewCoverage()

// notServed are the operations the emulator deliberately leaves out.
var notServed = []string{"SwitchOrganization", "UnscopeOrganizationToken", "ExecCommand"}

func TestMain(m *testing.M) {
	code := m.Run()
	// Only a full run can speak for coverage: -run picks a subset on purpose.
	if code == 0 && flag.Lookup("test.run").Value.String() == "" {
		if missing := coverage.Missing(notServed...); len(missing) > 0 {
			fmt.Fprintf(os.Stderr, "FAIL: operations served but never exercised through spectest: %v\n", missing)
			code = 1
		} else {
			fmt.Printf("spectest: all %d served operations validated (of %d in the spec; %d answer 501)\n",
				len(spectest.OperationIDs())-len(notServed), len(spectest.OperationIDs()), len(notServed))
		}
	}
	os.Exit(code)
}
