package tui

import (
	"net/http"
	"testing"
	"time"

	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/tui/screens/signin"
)

func TestOrganizationPickerWhenSelectionIsRequired(t *testing.T) {
	e := newEnv(t, emulator.Options{OrganizationSelectionRequired: true})
	d := startModel(t, e.deps())
	d.WaitView("Sign in to panel")
	d.Press("enter")
	d.WaitView("Choose the one to sign in to", "acme (org_acme)", "globex (org_globex)")
	d.Press("j", "enter") // the second organization listed
	d.WaitFor("the gate to pass", func() bool { return d.m.auth == authSignedIn })
	if d.m.ctx.Org == nil || d.m.ctx.Org.ExternalID == "" {
		t.Fatal("signed in without an organization")
	}
	d.WaitView("org " + d.m.ctx.Org.Name)
}

func TestDeviceCodeSignIn(t *testing.T) {
	e := newEnv(t, emulator.Options{DevicePollInterval: time.Second})
	d := startModel(t, e.deps())
	d.WaitView("Sign in to panel")
	d.Press("d")
	d.WaitView("enter the code", "Waiting for the approval")
	link := d.m.top().(*signin.Model).Link()
	// Any browser opens the verification link; the emulator approves it.
	resp, err := http.Get(link)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	d.WaitFor("the gate to pass", func() bool { return d.m.auth == authSignedIn })
	d.WaitView("org acme")
}

func TestCopyWritesOSC52(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	deps := e.deps()
	noBrowser(t, &deps)
	d := startModel(t, deps)
	d.WaitView("Sign in to panel")
	d.Press("enter")
	d.WaitView("No browser could be opened here")
	d.Press("c")
	d.WaitView("copied")
	if got := deps.Clipboard.(interface{ String() string }).String(); len(got) < 10 || got[:5] != "\x1b]52;" {
		t.Fatalf("clipboard writer got %q, want an OSC 52 sequence", got)
	}
}
