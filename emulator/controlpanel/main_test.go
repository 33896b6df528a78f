package controlpanel_test

import (
	"fmt"
	"testing"

	"github.com/panel-dev/panel/internal/spectest"
	"github.com/panel-dev/panel/internal/testmain"
)

// coverage collects the operations every test in this package exercised
// through spectest, so TestMain can check that the spec is covered.
var coverage = spectest.NewCoverage()

// notServed are the operations the emulator deliberately leaves out.
var notServed = []string{"SwitchOrganization", "UnscopeOrganizationToken", "ExecCommand"}

func TestMain(m *testing.M) {
	testmain.Run(m, testmain.AfterFullRun(func() error {
		if missing := coverage.Missing(notServed...); len(missing) > 0 {
			return fmt.Errorf("operations served but never exercised through spectest: %v", missing)
		}
		fmt.Printf("spectest: all %d served operations validated (of %d in the spec; %d answer 501)\n",
			len(spectest.OperationIDs())-len(notServed), len(spectest.OperationIDs()), len(notServed))
		return nil
	}))
}
