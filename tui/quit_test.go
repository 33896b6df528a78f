package tui

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/panel-dev/panel/api"
	"github.com/panel-dev/panel/app"
	"github.com/panel-dev/panel/tui/common"
)

// q while a switch's refresh is in flight (the emulator spent the refresh token and holds the answer):
// the TUI says it is finishing, quits only once the new tokens are stored, and the next process finds a
// working session.
func TestQuitDuringASwitchWaitsForItsRefresh(t *testing.T) {
	e, d := startSignedIn(t)
	d.WaitView("org acme")
	e.hook("/_emulator/faults", map[string]any{"method": "POST", "path": "/user_management/authenticate",
		"count": 1, "hold": true})
	d.Send(common.SwitchOrgMsg{Org: api.Organization{ExternalID: "org_globex", Name: "globex"}})
	e.waitHeld()
	d.Press("q")
	d.WaitView(app.FinishingNotice)
	if d.Quit() {
		t.Fatal("the TUI quit with the switch's refresh still in flight")
	}
	e.hook("/_emulator/holds/release", map[string]any{})
	d.WaitFor("the quit", d.Quit)

	a := e.deps().App
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	tok, err := a.Session.Token(ctx)
	if err != nil {
		t.Fatalf("the next process has no session: %v", err)
	}
	if _, err := a.Session.RefreshToken(ctx, tok); err != nil {
		t.Fatalf("the stored refresh token no longer refreshes: %v", err)
	}
}

// waitHeld waits until the emulator holds an answer (the request took effect; its client waits).
func (e *env) waitHeld() {
	e.t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		res, err := http.Get(e.srv.URL + "/_emulator/holds")
		if err != nil {
			e.t.Fatal(err)
		}
		var held []json.RawMessage
		err = json.NewDecoder(res.Body).Decode(&held)
		res.Body.Close()
		if err != nil {
			e.t.Fatal(err)
		}
		if len(held) > 0 {
			return
		}
	}
	e.t.Fatal("the emulator never held an answer")
}
