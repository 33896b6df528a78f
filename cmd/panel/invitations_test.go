package main

import (
	"strings"
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/emulator"
)

func TestInvitationsSentLifecycle(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "alice@example.com")
	var invs []api.OrganizationInvitation
	c.okJSON(&invs, "invitations", "list")
	if len(invs) != 1 || invs[0].Email != "dave@example.com" {
		t.Fatalf("pending = %+v", invs)
	}
	c.okJSON(&invs, "invitations", "list", "--status", "expired")
	if len(invs) != 1 || invs[0].Email != "erin@example.com" {
		t.Errorf("expired = %+v", invs)
	}

	// Each address on its own: the invalid one reported, the others sent, exit 1.
	c.clearRequests()
	out, errOut, code := c.panel("", "invitations", "send", " Carol@Example.com ", "not-an-email", "frank@example.org")
	if code != 1 || !strings.Contains(errOut, `"not-an-email": not a valid email address`) ||
		!strings.Contains(out, "Invited carol@example.com") || !strings.Contains(out, "Invited frank@example.org") {
		t.Errorf("send: exit %d\n%s%s", code, out, errOut)
	}
	posts := 0
	for _, r := range c.requests() {
		if r.Method == "POST" && r.Path == "/v1/organization_invitations" {
			posts++
		}
	}
	if posts != 2 {
		t.Errorf("%d invitations sent, want 2 (the invalid address never leaves)", posts)
	}
	// An address the API refuses (already a member) is reported on its own line.
	out, errOut, code = c.panel("", "invitations", "send", "bob@example.com", "grace@example.com")
	if code != 1 || !strings.Contains(errOut, `Not sent: "bob@example.com"`) || !strings.Contains(out, "Invited grace@example.com") {
		t.Errorf("send with an API refusal: exit %d\n%s%s", code, out, errOut)
	}

	var sent []api.OrganizationInvitation
	c.okJSON(&sent, "invitations", "send", "heidi@example.com")
	if len(sent) != 1 || sent[0].Status != api.InvitationPending {
		t.Fatalf("send --json = %+v", sent)
	}
	id := sent[0].ID
	if out := c.ok("invitations", "resend", id); !strings.Contains(out, "Resent the invitation to heidi@example.com") {
		t.Errorf("resend:\n%s", out)
	}
	if out := c.ok("invitations", "revoke", id); !strings.Contains(out, "Revoked invitation "+id) {
		t.Errorf("revoke:\n%s", out)
	}
	_, errOut, code = c.panel("", "invitations", "resend", id)
	if code != 1 || !strings.Contains(errOut, "HTTP 404") {
		t.Errorf("resend of a revoked invitation: exit %d %s", code, errOut)
	}
}

func TestInvitationsReceivedAcceptAndDecline(t *testing.T) {
	c := signedIn(t, emulator.Options{}, "alice@example.com")
	var received []api.OrganizationInvitation
	c.okJSON(&received, "invitations", "received")
	if len(received) != 1 || received[0].Organization == nil || received[0].Organization.Name != "umbrella" {
		t.Fatalf("received = %+v", received)
	}
	table := c.ok("invitations", "received")
	if !strings.Contains(table, "umbrella") || !strings.Contains(table, "bob@example.com") {
		t.Errorf("table:\n%s", table)
	}
	out := c.ok("invitations", "accept", received[0].ID)
	if !strings.Contains(out, "Accepted the invitation to umbrella") || !strings.Contains(out, "Switched to umbrella") {
		t.Errorf("accept:\n%s", out)
	}
	_, errOut, code := c.panel("", "invitations", "accept", received[0].ID)
	if code != 1 || !strings.Contains(errOut, "HTTP 4") {
		t.Errorf("accept again: exit %d %s", code, errOut)
	}

	// umbrella (now alice's) invites carol; carol declines.
	c.ok("invitations", "send", "carol@example.com")
	c.ok("logout")
	c.ok("login", "--email", "carol@example.com")
	c.okJSON(&received, "invitations", "received")
	if len(received) != 1 {
		t.Fatalf("carol received %+v", received)
	}
	var declined api.OrganizationInvitation
	c.okJSON(&declined, "invitations", "decline", received[0].ID)
	if declined.Status != api.InvitationRefused {
		t.Errorf("declined = %+v", declined)
	}
	// carol has no organization: org-scoped commands say how to get one.
	_, errOut, code = c.panel("", "invitations", "list")
	if code != 1 || !strings.Contains(errOut, "no current organization") {
		t.Errorf("list without org: exit %d %s", code, errOut)
	}
}
