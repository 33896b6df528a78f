package auth

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/panel-dev/panel/emulator"
)

// A token file cut short or overwritten: a clear error that quotes nothing of the file, the neighbours
// untouched, and a new sign-in replaces it.
func TestDamagedTokenFile(t *testing.T) {
	srv, err := emulator.Start("127.0.0.1:0", emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for name, damage := range map[string]func([]byte) []byte{
		"truncated": func(b []byte) []byte { return b[:len(b)/2] },
		"corrupt":   func(b []byte) []byte { return bytes.ReplaceAll(b, []byte(`"`), []byte(`'`)) },
		"empty":     func([]byte) []byte { return nil },
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			s, _ := NewSession(Options{ClientID: srv.ClientID, AuthURL: srv.AuthURL, ProfileDir: dir, InsecureStorage: true})
			signInByPaste(t, ctx, s, "alice@example.com")
			path := filepath.Join(dir, tokenFileName)
			good, _ := os.ReadFile(path)
			bad := damage(good)
			if err := os.WriteFile(path, bad, 0o600); err != nil {
				t.Fatal(err)
			}
			state := filepath.Join(dir, "state.json")
			if err := os.WriteFile(state, []byte(`{"version":1}`), 0o600); err != nil {
				t.Fatal(err)
			}
			again, _ := NewSession(Options{ClientID: srv.ClientID, AuthURL: srv.AuthURL, ProfileDir: dir, InsecureStorage: true})
			_, err := again.Token(ctx)
			var unreadable *UnreadableSessionError
			if !errors.As(err, &unreadable) || unreadable.Path != path || !strings.Contains(err.Error(), "unreadable") {
				t.Fatalf("Token with a %s token file = %v", name, err)
			}
			var rec struct {
				Session struct {
					RefreshToken string `json:"refresh_token"`
				} `json:"session"`
			}
			_ = json.Unmarshal(good, &rec)
			if rt := rec.Session.RefreshToken; len(rt) < 8 || strings.Contains(err.Error(), rt[:8]) {
				t.Fatalf("the error may quote the file: %v", err)
			}
			if _, err := again.Info(ctx); err == nil {
				t.Error("Info read a damaged token file")
			}
			signInByPaste(t, ctx, again, "alice@example.com")
			if _, err := again.Token(ctx); err != nil {
				t.Fatalf("after a new sign-in: %v", err)
			}
			if b, _ := os.ReadFile(state); string(b) != `{"version":1}` {
				t.Error("state.json changed")
			}
		})
	}
}

// A token file that others can read (copied with cp, restored from a backup) goes back to 0600 when read.
func TestLooseTokenFileModeIsTightened(t *testing.T) {
	dir := t.TempDir()
	f := fileStore{path: filepath.Join(dir, tokenFileName)}
	if err := f.saveRecord(&record{Version: 1, RefreshToken: "rt", SessionID: "s"}); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(f.path, 0o644); err != nil {
		t.Fatal(err)
	}
	if rec, err := f.loadRecord(); err != nil || rec.RefreshToken != "rt" {
		t.Fatalf("loadRecord = %+v, %v", rec, err)
	}
	assertMode(t, f.path, 0o600)
}
