package main

import (
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// q in the real TUI while a switch's refresh is in flight (the emulator process spent the refresh token and
// holds the answer): the TUI says it is finishing, quits once the answer is stored, and the next process
// refreshes with what it stored.
func TestTmuxQuitDuringASwitchKeepsTheSession(t *testing.T) {
	tmux := requireTmux(t)
	bin := buildPanel(t)
	ready := startEmulatorProcess(t, bin)
	configDir := t.TempDir()
	s := startTmux(t, tmux, launcher(t, bin, ready, configDir))
	s.waitFor("Sign in to panel")
	s.keys("Enter")
	s.waitFor("org acme", "project default")

	hookAt(t, ready["auth_url"], "faults", map[string]any{"method": "POST", "path": "/user_management/authenticate",
		"count": 1, "hold": true})
	s.keys("o")
	s.waitFor("globex", "initech")
	s.text("glob")
	s.waitFor("1 of 3")
	s.keys("Enter")
	waitHeldAt(t, ready["auth_url"])
	s.keys("q")
	s.waitFor("Finishing sign-in")
	hookAt(t, ready["auth_url"], "holds/release", map[string]any{})
	s.waitGone()

	expireAccessIn(t, configDir)
	cmd := exec.Command(bin, "token")
	cmd.Env = append(os.Environ(), "PANEL_CLIENT_ID="+ready["client_id"], "PANEL_AUTH_URL="+ready["auth_url"],
		"PANEL_API_URL="+ready["api_url"], "PANEL_CONFIG_DIR="+configDir, "PANEL_INSECURE_STORAGE=1",
		"PANEL_TOKEN=", "PANEL_PROFILE=", "PANEL_ORGANIZATION_ID=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the session was lost: panel token: %v\n%s", err, out)
	}
}

func hookAt(t *testing.T, base, path string, body any) {
	t.Helper()
	b, _ := json.Marshal(body)
	res, err := http.Post(base+"/_emulator/"+path, "application/json", strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode >= 300 {
		t.Fatalf("hook %s: %d", path, res.StatusCode)
	}
}

func waitHeldAt(t *testing.T, base string) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		res, err := http.Get(base + "/_emulator/holds")
		if err != nil {
			t.Fatal(err)
		}
		var held []json.RawMessage
		err = json.NewDecoder(res.Body).Decode(&held)
		res.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(held) > 0 {
			return
		}
	}
	t.Fatal("the emulator never held an answer")
}
