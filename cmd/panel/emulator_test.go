package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	emulatorcmd "github.com/panel-dev/panel/internal/cmd/emulator"
)

// runEmulator starts `panel emulator args...` in-process and returns its JSON ready line and a stop func.
func runEmulator(t *testing.T, args ...string) (map[string]string, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r, w := io.Pipe()
	f := &Factory{Ctx: ctx, IO: &IOStreams{Out: w, ErrOut: io.Discard}}
	cmd := emulatorcmd.NewCmdEmulator(f, nil)
	cmd.SetArgs(append(args, "--json"))
	done := make(chan error, 1)
	go func() { done <- cmd.ExecuteContext(ctx); _ = w.Close() }()

	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		cancel()
		t.Fatalf("no ready line: %v (%v)", err, <-done)
	}
	var ready map[string]string
	if err := json.Unmarshal([]byte(line), &ready); err != nil {
		t.Fatalf("ready line %q: %v", line, err)
	}
	go func() { _, _ = io.Copy(io.Discard, r) }()
	return ready, func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("emulator ended with %v", err)
		}
	}
}

func TestEmulatorPrintsOneJSONLineAndServesUntilCancelled(t *testing.T) {
	ready, stop := runEmulator(t)
	if ready["client_id"] != "client_panel_demo" || ready["auth_url"] == "" || ready["auth_url"] != ready["api_url"] ||
		!strings.HasPrefix(ready["auth_url"], "http://127.0.0.1:") || len(ready) != 3 {
		t.Fatalf("ready line = %v", ready)
	}
	resp, err := http.Get(ready["auth_url"] + "/sso/jwks/" + ready["client_id"])
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("JWKS: %d", resp.StatusCode)
	}
	stop()
	if resp, err := http.Get(ready["auth_url"] + "/sso/jwks/" + ready["client_id"]); err == nil {
		resp.Body.Close()
		t.Fatal("the emulator still answers after the context ended")
	}
}

func TestEmulatorLoadsASeedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "seed.yaml")
	seed := "client_id: client_from_file\nusers:\n  - {email: zed@example.com, password: pw}\n" +
		"organizations:\n  - {name: zorg, external_id: org_z, members: [{email: zed@example.com, role: owner}]}\n"
	if err := os.WriteFile(path, []byte(seed), 0o600); err != nil {
		t.Fatal(err)
	}
	ready, stop := runEmulator(t, "--seed", path)
	defer stop()
	if ready["client_id"] != "client_from_file" {
		t.Fatalf("client id %q", ready["client_id"])
	}
}
