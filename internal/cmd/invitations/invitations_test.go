package invitations

import (
	"strings"
	"testing"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/internal/cmd/cmdtest"
)

func TestInvitationsFlags(t *testing.T) {
	var send *sendOptions
	cmd := cmdtest.Quiet(newSendCmd(cmdtest.Factory(), func(o *sendOptions) error { send = o; return nil }))
	cmd.SetArgs([]string{" Carol@Example.COM", "nope", "dave@example.com", "carol@example.com"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if strings.Join(send.Emails, ",") != "carol@example.com,dave@example.com" || len(send.Invalid) != 1 {
		t.Errorf("send options = %+v", send)
	}
	var list *listOptions
	cmd = cmdtest.Quiet(newListCmd(cmdtest.Factory(), func(o *listOptions) error { list = o; return nil }))
	cmd.SetArgs([]string{"--status", "pending,expired", "--status", "accepted"})
	if err := cmd.Execute(); err != nil || len(list.Statuses) != 3 || list.Received {
		t.Errorf("list options = %+v %v", list, err)
	}
	cmd = cmdtest.Quiet(newReceivedCmd(cmdtest.Factory(), func(o *listOptions) error { list = o; return nil }))
	cmd.SetArgs(nil)
	if err := cmd.Execute(); err != nil || !list.Received || len(list.Statuses) != 1 || list.Statuses[0] != api.InvitationPending {
		t.Errorf("received options = %+v %v", list, err)
	}
	cmd = cmdtest.Quiet(newListCmd(cmdtest.Factory(), func(*listOptions) error { return nil }))
	cmd.SetArgs([]string{"--status", "lost"})
	if err := cmd.Execute(); err == nil {
		t.Error("unknown status accepted")
	}
	var one *invitationOptions
	for arg, want := range map[string]string{
		"inv-1": "inv-1", "https://app.example/invitations/inv-2": "inv-2",
		"https://app.example/accept?invitation=inv-3": "inv-3",
	} {
		cmd = cmdtest.Quiet(newAcceptCmd(cmdtest.Factory(), func(o *invitationOptions) error { one = o; return nil }))
		cmd.SetArgs([]string{arg})
		if err := cmd.Execute(); err != nil || one.ID != want {
			t.Errorf("accept %s: id %q, want %q (%v)", arg, one.ID, want, err)
		}
	}
}
