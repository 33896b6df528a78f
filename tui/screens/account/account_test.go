package account

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/emulator"
	"github.com/panel-dev/panel/internal/testmain"
	"github.com/panel-dev/panel/tui/common"
	"github.com/panel-dev/panel/tui/internal/screentest"
)

func TestMain(m *testing.M) { testmain.Run(m, testmain.ASCIIColors()) }

func TestShowsWhoWhereAndTheSession(t *testing.T) {
	env := screentest.New(t, emulator.Options{}, "alice@example.com")
	env.Ctx.User = &api.User{ID: "user-1", Email: "alice@example.com", Name: "Alice"}
	m := New(env.Ctx)
	screentest.Start(t, m)
	in := env.Ctx.SessionInfo
	v := m.View()
	for _, want := range []string{"alice@example.com", "Alice", "user-1", "acme (org_acme)", in.SessionID,
		in.Storage, "(refreshed 10 s before)", "S signs out"} {
		if want == "" || !strings.Contains(v, want) {
			t.Fatalf("account view lacks %q:\n%s", want, v)
		}
	}
}

func TestSignOutAsksTheRootOnce(t *testing.T) {
	ctx := common.NewContext(t.Context(), true, nil)
	d := screentest.Start(t, New(ctx))
	if d.Screen.View() == "" || !strings.Contains(d.Screen.View(), "—") {
		t.Fatalf("nothing known yet: %q", d.Screen.View())
	}
	d.Type("q") // not the screen's: left to the root's globals
	if len(d.Root()) != 0 {
		t.Fatalf("q did something here: %#v", d.Root())
	}
	d.Type("S")
	d.WaitRoot("sign-out", func(m tea.Msg) bool { _, ok := m.(common.SignOutMsg); return ok })
	d.WaitView("Signing out…")
	if b := d.Screen.ShortHelp()[0]; b.Enabled() {
		t.Fatal("S still offered while signing out")
	}
	d.Type("S")
	n := 0
	for _, m := range d.Root() {
		if _, ok := m.(common.SignOutMsg); ok {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d sign-out requests, want 1", n)
	}
}

func TestStorageReasonWrapsBetweenWords(t *testing.T) {
	ctx := common.NewContext(t.Context(), true, nil)
	ctx.SessionInfo.Storage = "file"
	ctx.SessionInfo.StorageReason = "a 0600 file (/home/someone/.config/panel/profiles/default/tokens.json), not the " +
		"keychain: insecure storage is on (--insecure-storage, PANEL_INSECURE_STORAGE or the profile's insecure_storage)"
	m := New(ctx)
	for _, w := range []int{40, 47, 52, 61, 80} {
		m.SetSize(w, 20)
		for _, line := range strings.Split(m.View(), "\n") {
			line = strings.TrimRight(line, " ")
			if strings.HasSuffix(line, "-") || strings.HasSuffix(line, "--insecure") || strings.HasPrefix(line, "storage,") {
				t.Fatalf("at %d columns a line breaks inside a word: %q\n%s", w, line, m.View())
			}
		}
	}
}
