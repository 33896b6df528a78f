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
	d.waitView("Sign in to panel")
	d.press("enter")
	d.waitView("Choose the one to sign in to", "acme (org_acme)", "globex (org_globex)")
	d.press("j", "enter") // the second organization listed
	d.waitFor("the gate to pass", func() bool { return d.m.auth == authSignedIn })
	if d.m.ctx.Org == nil || d.m.ctx.Org.ExternalID == "" {
		t.Fatal("signed in without an organization")
	}
	d.waitView("org " + d.m.ctx.Org.Name)
}

func TestDeviceCodeSignIn(t *testing.T) {
	e := newEnv(t, emulator.Options{DevicePollInterval: time.Second})
	d := startModel(t, e.deps())
	d.waitView("Sign in to panel")
	d.press("d")
	d.waitView("enter the code", "Waiting for the approval")
	link := d.m.top().(*signin.Model).Link()
	// Any browser opens the verification link; the emulator approves it.
	resp, err := http.Get(link)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	d.waitFor("the gate to pass", func() bool { return d.m.auth == authSignedIn })
	d.waitView("org acme")
}

func TestCopyWritesOSC52(t *testing.T) {
	e := newEnv(t, emulator.Options{})
	deps := e.deps()
	noBrowser(t, &deps)
	d := startModel(t, deps)
	d.waitView("Sign in to panel")
	d.press("enter")
	d.waitView("No browser could be opened here")
	d.press("c")
	d.waitView("copied")
	if got := deps.Clipboard.(interface{ String() string }).String(); len(got) < 10 || got[:5] != "\x1b]52;" {
		t.Fatalf("clipboard writer got %q, want an OSC 52 sequence", got)
	}
}
