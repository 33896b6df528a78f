package main

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/panel-dev/panel/internal/termsafe"
)

// The CLI's output on a real terminal: the built binary in tmux (100 columns) against `panel emulator` in
// another process. Tables have a header, the current row's `*` first, colour, and fit the width; a wait
// longer than the spinner's delay shows it on stderr and erases it.
func TestCLIOutputOnATerminal(t *testing.T) {
	tmux := requireTmux(t)
	bin := buildPanel(t)
	ready := startEmulatorProcess(t, bin)
	script := launcher(t, bin, ready, t.TempDir())
	body, err := os.ReadFile(script)
	if err != nil {
		t.Fatal(err)
	}
	commands := fmt.Sprintf(`%[1]q login --email alice@example.com >/dev/null 2>&1 || echo LOGIN-FAILED
%[1]q orgs list; echo "EXIT1=$?"
%[1]q members list; echo "EXIT2=$?"
%[1]q status --json=signed_in; %[1]q orgs list --jq '.[0].name'; echo "EXIT4=$?"
read go
%[1]q orgs list; echo "EXIT3=$?"
sleep 600
`, bin)
	body = []byte(strings.Replace(string(body), fmt.Sprintf("exec %q\n", bin), commands, 1))
	if err := os.WriteFile(script, body, 0o700); err != nil {
		t.Fatal(err)
	}
	s := &tmuxSession{t: t, socket: fmt.Sprintf("panel-output-%d-%d", os.Getpid(), time.Now().UnixNano())}
	s.run(tmux, "-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30", "-s", "panel", script)
	t.Cleanup(func() { _ = exec.Command(tmux, "-L", s.socket, "kill-server").Run() })

	s.waitFor("EXIT1=0", "EXIT2=0", "EXIT4=0")
	screen := s.screen()
	if strings.Contains(screen, "LOGIN-FAILED") {
		t.Fatalf("login failed:\n%s", screen)
	}
	lines := strings.Split(screen, "\n")
	at := func(prefix string) string {
		for _, l := range lines {
			if strings.HasPrefix(l, prefix) {
				return l
			}
		}
		t.Fatalf("no line starts with %q:\n%s", prefix, screen)
		return ""
	}
	if h := at("   NAME"); !strings.Contains(h, "EXTERNAL ID") || !strings.Contains(h, "STATUS") {
		t.Errorf("orgs list header: %q", h)
	}
	if row := at("*  acme"); !strings.Contains(row, "org_acme") || strings.Contains(row, "current") {
		t.Errorf("current row: %q", row)
	}
	// members list is wider than 100 columns: the email, status and id stay whole, the others give way.
	header := at("EMAIL")
	alice := at("alice@example.com")
	if termsafe.Width(alice) > 100 || !strings.Contains(alice, "…") || !strings.Contains(header, "ID") {
		t.Errorf("members list not fitted to 100 columns:\n%s\n%s", header, alice)
	}
	if !strings.Contains(screen, `"signed_in": true`) || at("acme") != "acme" {
		t.Errorf("--json=FIELD or --jq on a terminal:\n%s", screen)
	}
	coloured := s.run(tmux, "capture-pane", "-e", "-p", "-t", "panel")
	if !strings.Contains(coloured, "\x1b[") || !strings.Contains(coloured, "signed_in\"\x1b[") {
		t.Errorf("no colour on the terminal (table header, JSON keys):\n%q", coloured)
	}

	// A slow server: the spinner shows on stderr while orgs list waits, and is gone once it prints.
	setLatency(t, ready["api_url"], "1s")
	s.keys("Enter")
	s.waitFor("Loading organizations")
	setLatency(t, ready["api_url"], "0s")
	s.waitFor("EXIT3=0")
	if final := s.screen(); strings.Contains(final, "Loading organizations") {
		t.Errorf("the spinner was left on the screen:\n%s", final)
	}
}

func setLatency(t *testing.T, apiURL, latency string) {
	t.Helper()
	res, err := http.Post(apiURL+"/_emulator/latency", "application/json",
		bytes.NewReader([]byte(fmt.Sprintf(`{"latency":%q}`, latency))))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("latency hook: %d", res.StatusCode)
	}
}
