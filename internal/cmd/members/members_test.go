package members

import (
	"strings"
	"testing"

	"github.com/panel-dev/panel/internal/cmd/cmdtest"
)

func TestMembersFlags(t *testing.T) {
	f := cmdtest.Factory()
	var rm *removeOptions
	cmd := cmdtest.Quiet(newRemoveCmd(f, func(o *removeOptions) error { rm = o; return nil }))
	cmd.SetArgs([]string{"Bob@Example.com", "--yes"})
	if err := cmd.Execute(); err != nil || rm.Query != "bob@example.com" || !rm.Yes {
		t.Errorf("remove options = %+v %v", rm, err)
	}
	cmd = cmdtest.Quiet(newRemoveCmd(f, func(*removeOptions) error { return nil }))
	cmd.SetArgs([]string{"bob@example.com"})
	if err := cmd.Execute(); err == nil || !strings.Contains(err.Error(), "--yes") {
		t.Errorf("remove without --yes off a terminal: %v", err)
	}
	cmd = cmdtest.Quiet(newLeaveCmd(f, func(*leaveOptions) error { return nil }))
	cmd.SetArgs(nil)
	if err := cmd.Execute(); err == nil || !strings.Contains(err.Error(), "--confirm") {
		t.Errorf("leave without --confirm off a terminal: %v", err)
	}
	f.IO.Terminal = true
	var leave *leaveOptions
	cmd = cmdtest.Quiet(newLeaveCmd(f, func(o *leaveOptions) error { leave = o; return nil }))
	cmd.SetArgs(nil)
	if err := cmd.Execute(); err != nil || leave.Confirm != "" {
		t.Errorf("leave on a terminal: %+v %v", leave, err)
	}
}
