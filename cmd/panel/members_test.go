package main

import (
	"strings"
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/emulator"
)

func TestMembersListRemoveAndLeave(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "alice@example.com")
	var members []api.OrganizationMember
	c.okJSON(&members, "members", "list")
	if len(members) != 2 {
		t.Fatalf("members = %+v", members)
	}
	table := c.ok("members", "list")
	if !strings.Contains(table, "alice@example.com") || !strings.Contains(table, "owner") || !strings.Contains(table, "member") {
		t.Errorf("table:\n%s", table)
	}
	// On a terminal, answering no changes nothing.
	c.terminal = true
	_, errOut, code := c.panel("n\n", "members", "remove", "bob@example.com")
	if code != 1 || !strings.Contains(errOut, "aborted") {
		t.Errorf("declined removal: exit %d %s", code, errOut)
	}
	out, errOut, code := c.panel("y\n", "members", "remove", "bob@example.com")
	if code != 0 || !strings.Contains(out, "Removed bob@example.com from acme") {
		t.Errorf("removal: exit %d\n%s%s", code, out, errOut)
	}
	c.terminal = false
	_, errOut, code = c.panel("", "members", "remove", "bob@example.com", "--yes")
	if code != 1 || !strings.Contains(errOut, "no member") {
		t.Errorf("remove again: exit %d %s", code, errOut)
	}

	// The last owner cannot leave: the API says so.
	_, errOut, code = c.panel("", "members", "leave", "--confirm", "acme")
	if code != 1 || !strings.Contains(errOut, "last owner") {
		t.Errorf("last owner leaving: exit %d %s", code, errOut)
	}
}

func TestMembersLeave(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "bob@example.com") // member of acme, owner of umbrella
	_, errOut, code := c.panel("", "members", "leave", "--confirm", "umbrella")
	if code != 1 || !strings.Contains(errOut, "aborted") {
		t.Errorf("leave with the wrong name: exit %d %s", code, errOut)
	}
	c.terminal = true
	out, errOut, code := c.panel("acme\n", "members", "leave")
	if code != 0 || !strings.Contains(out, "Left acme") || !strings.Contains(out, "Switched to umbrella") {
		t.Errorf("leave: exit %d\n%s%s", code, out, errOut)
	}
}

// Removing yourself is leaving: the command refuses and names `members leave`, and the membership stays.
func TestMembersRemoveYourselfPointsToLeave(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "alice@example.com")
	_, errOut, code := c.panel("", "members", "remove", "alice@example.com", "--yes")
	if code != 1 || !strings.Contains(errOut, "panel members leave") {
		t.Fatalf("removing yourself: exit %d %s", code, errOut)
	}
	if table := c.ok("members", "list"); !strings.Contains(table, "alice@example.com") {
		t.Errorf("the membership is gone:\n%s", table)
	}
}
